namespace Crawler.Actors.Runtime;

/// <summary>
/// An address to send messages to. Two refs are equal when they name the same path and the same incarnation
/// (<see cref="Uid"/>): an actor stopped and created again under the same name is a different ref.
/// </summary>
public interface IActorRef
{
    /// <summary>Slash-separated path such as <c>/user/crawl/fetchers/3</c>.</summary>
    string Path { get; }

    /// <summary>Incarnation id, unique within the process; 0 for refs that have no incarnation (dead letters, temporary refs).</summary>
    long Uid { get; }

    /// <summary>Enqueues a message without waiting. Never throws for a dead or full recipient: such messages go to dead letters.</summary>
    void Tell(object message, IActorRef? sender = null);

    /// <summary>Like <see cref="Tell"/>, but on a bounded mailbox whose overflow policy back-pressures, waits for room.</summary>
    ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default)
    {
        Tell(message, sender);
        return ValueTask.CompletedTask;
    }
}
