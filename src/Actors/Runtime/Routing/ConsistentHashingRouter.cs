namespace Crawler.Actors.Runtime.Routing;

internal sealed class ConsistentHashingRouter(int virtualNodes, Func<object, object?>? hashMapping) : Router
{
    private ConsistentHashRing? _ring;

    protected override void OnRouteesChanged(int count) =>
        Volatile.Write(ref _ring, count == 0 ? null : new ConsistentHashRing(count, virtualNodes));

    protected override int Select(object message, LocalActorRef[] routees)
    {
        var key = message is IConsistentHashable hashable ? hashable.HashKey : hashMapping?.Invoke(message);
        var ring = Volatile.Read(ref _ring);
        return key is null || ring is null ? -1 : ring.SlotFor(key);
    }
}
