namespace Crawler.Actors.Runtime.Routing;

/// <summary>Told to a router, delivers <paramref name="Message"/> to every routee.</summary>
public sealed record Broadcast(object Message);
