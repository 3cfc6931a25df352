namespace Crawler.Actors.Runtime.Routing;

public sealed record Routees(IReadOnlyList<IActorRef> Members);
