namespace Crawler.Actors.Runtime.Routing;

/// <summary>Ask a router for its current routees; it replies <see cref="Routees"/>.</summary>
public sealed record GetRoutees
{
    public static readonly GetRoutees Instance = new();
}
