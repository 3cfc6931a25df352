namespace Crawler.Actors.Runtime.Routing;

internal sealed class RoundRobinRouter : Router
{
    private uint _next = uint.MaxValue;

    // A plain read and write, not Interlocked.Increment: a locked add on the sender's thread is a full fence, and in
    // the fan-out benchmark it cost 20-30 ns a message, as much as the whole Tell to a routee (routing ran at about
    // half a direct Tell's throughput; without it, the same). With one sender, and with the router's own backlog
    // drained before senders route directly (ActorCell.RoutesDirectly), the turn order stays exact. Senders racing on
    // several threads may now and then pick the same routee (a lost increment): the message still goes to exactly one
    // routee, only the balance is off by a message or two.
    protected override int Select(object message, LocalActorRef[] routees)
    {
        var next = unchecked(Volatile.Read(ref _next) + 1);
        Volatile.Write(ref _next, next);
        return (int)(next % (uint)routees.Length);
    }
}
