namespace Crawler.Actors.Runtime.Routing;

/// <summary>Routes to an idle routee with an empty mailbox if there is one, else to the one with the fewest queued messages.</summary>
public sealed record SmallestMailboxPool(int Instances) : RouterPool(Instances)
{
    internal override Router CreateRouter() => new SmallestMailboxRouter();
}
