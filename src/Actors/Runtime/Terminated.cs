namespace Crawler.Actors.Runtime;

/// <summary>Delivered to every watcher of <paramref name="ActorRef"/> once it has stopped (immediately if it was already dead).</summary>
public sealed record Terminated(IActorRef ActorRef);
