namespace Crawler.Actors.Runtime.Routing;

/// <summary>Routes to each routee in turn.</summary>
public sealed record RoundRobinPool(int Instances) : RouterPool(Instances)
{
    internal override Router CreateRouter() => new RoundRobinRouter();
}
