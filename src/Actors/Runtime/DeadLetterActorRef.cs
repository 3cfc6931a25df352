namespace Crawler.Actors.Runtime;

/// <summary>Where undeliverable messages go; every message told to it is counted, logged (up to a limit) and published.</summary>
internal sealed class DeadLetterActorRef : IInternalActorRef
{
    public DeadLetterActorRef(ActorSystem system)
    {
        System = system;
    }

    public string Path => "/deadLetters";

    public long Uid => 0;

    public ActorSystem System { get; }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.PublishDeadLetter(message as DeadLetter ?? new DeadLetter(message, sender, this));
    }

    public void SendSystem(SystemMessage message)
    {
        // Watching dead letters means watching something that will never live: answer at once.
        if (message is WatchActor watch)
        {
            watch.Watcher.SendSystem(new DeathWatchNotification(this));
        }
    }

    public override bool Equals(object? obj) => ActorRefs.AreEqual(this, obj);

    public override int GetHashCode() => ActorRefs.HashOf(this);

    public override string ToString() => $"[{Path}]";
}
