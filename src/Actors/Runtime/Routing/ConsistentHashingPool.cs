namespace Crawler.Actors.Runtime.Routing;

/// <summary>
/// Routes by a key (<see cref="IConsistentHashable.HashKey"/>, or <see cref="HashMapping"/>) on a hash ring with
/// virtual nodes, so every message with one key (say, a host name) lands on one routee. Messages with no key go to dead letters.
/// </summary>
public sealed record ConsistentHashingPool(int Instances) : RouterPool(Instances)
{
    // Points per routee on the ring. Akka uses 10, but then one of 8 routees can get 1.8x its fair share of hosts;
    // with 100 the shares stay within about +-25%, for a ring of 100 x routees points (a few KB) and 10 more compares.
    public const int DefaultVirtualNodesFactor = 100;

    public int VirtualNodesFactor { get; init; } = DefaultVirtualNodesFactor;

    /// <summary>Key for messages that do not implement <see cref="IConsistentHashable"/>; null result means "no key".</summary>
    public Func<object, object?>? HashMapping { get; init; }

    internal override Router CreateRouter() => new ConsistentHashingRouter(VirtualNodesFactor, HashMapping);
}
