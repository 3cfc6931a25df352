namespace Crawler.Actors.Runtime;

/// <summary>Kernel-internal messages. They travel in the system channel, which is always drained before user messages.</summary>
internal abstract record SystemMessage;

/// <summary>Constructs the actor instance on its own mailbox turn and runs PreStart.</summary>
internal sealed record CreateActor : SystemMessage
{
    public static readonly CreateActor Instance = new();
}

/// <summary>Stops the actor: its children first, then PostStop, then watchers and parent are told.</summary>
internal sealed record TerminateActor : SystemMessage
{
    public static readonly TerminateActor Instance = new();
}

/// <summary>The failed actor stays suspended until its supervisor answers with one of the directive messages.</summary>
internal sealed record ResumeActor : SystemMessage
{
    public static readonly ResumeActor Instance = new();
}

internal sealed record RecreateActor(Exception Cause) : SystemMessage;

/// <summary><paramref name="Escalated"/>: the child failed because it escalated one of its own children's failures.</summary>
internal sealed record ChildFailed(IActorRef Child, Exception Cause, bool Escalated) : SystemMessage;

internal sealed record ChildTerminated(IActorRef Child) : SystemMessage;

internal sealed record WatchActor(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

internal sealed record UnwatchActor(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

internal sealed record DeathWatchNotification(IActorRef Actor) : SystemMessage;
