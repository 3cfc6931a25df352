namespace Crawler.Actors.Runtime;

/// <summary>The actor's constructor, PreStart or PostRestart threw; the default decider stops such an actor rather than loop on restarts.</summary>
public sealed class ActorInitializationException : Exception
{
    public ActorInitializationException(string actorPath, Exception cause)
        : base($"actor {actorPath} failed to initialise: {cause.Message}", cause)
    {
        ActorPath = actorPath;
    }

    public string ActorPath { get; }
}
