namespace Crawler.Actors.Runtime.Routing;

/// <summary>
/// Routes by a key (<see cref="IConsistentHashable.HashKey"/>, or <see cref="HashMapping"/>) on a hash ring with
/// virtual nodes, so every message with one key (say, a host name) lands on one routee. Messages with no key go to dead letters.
/// </summary>
public sealed record ConsistentHashingPool(int Instances) : RouterPool(Instances)
{
    // Akka's default: with 10 points per routee the largest share of 8 routees stays within a few tens of percent of even.
    public const int DefaultVirtualNodesFactor = 10;

    public int VirtualNodesFactor { get; init; } = DefaultVirtualNodesFactor;

    /// <summary>Key for messages that do not implement <see cref="IConsistentHashable"/>; null result means "no key".</summary>
    public Func<object, object?>? HashMapping { get; init; }

    internal override Router CreateRouter() => new ConsistentHashingRouter(VirtualNodesFactor, HashMapping);
}
