namespace Crawler.Actors.Runtime.Routing;

internal sealed class RoundRobinRouter : Router
{
    private uint _next = uint.MaxValue;

    protected override int Select(object message, LocalActorRef[] routees) =>
        (int)(Interlocked.Increment(ref _next) % (uint)routees.Length);
}
