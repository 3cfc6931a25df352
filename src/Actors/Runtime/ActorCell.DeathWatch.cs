namespace Crawler.Actors.Runtime;

internal sealed partial class ActorCell
{
    private readonly HashSet<IActorRef> _watchers = [];
    private readonly HashSet<IActorRef> _watching = [];

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(_self) || !_watching.Add(subject))
        {
            return subject;
        }

        if (subject is IInternalActorRef target)
        {
            target.SendSystem(new WatchActor(target, _self));
        }
        else
        {
            // Temporary refs have no lifecycle to observe: treat them as already gone, as Akka does for unknown refs.
            WatchedActorTerminated(subject);
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching.Remove(subject) && subject is IInternalActorRef target)
        {
            target.SendSystem(new UnwatchActor(target, _self));
        }

        return subject;
    }

    private void AddWatcher(WatchActor watch)
    {
        if (watch.Watchee.Equals(_self) && !watch.Watcher.Equals(_self))
        {
            _watchers.Add(watch.Watcher);
        }
    }

    private void RemoveWatcher(UnwatchActor unwatch) => _watchers.Remove(unwatch.Watcher);

    private void WatchedActorTerminated(IActorRef actor)
    {
        // A terminating actor will never process another user message (Akka checks IsTerminating the same way):
        // queueing Terminated would only turn a normal shutdown, children before parents, into dead-letter noise.
        if (_watching.Remove(actor) && _state is not (CellState.Terminating or CellState.Terminated))
        {
            EnqueueUser(new Terminated(actor), actor);
        }
    }

    /// <summary>System messages that reach a dead actor: a Watch must still be answered, or the watcher would wait forever.</summary>
    private void HandleSystemWhenDead(SystemMessage message)
    {
        if (message is WatchActor watch)
        {
            watch.Watcher.SendSystem(new DeathWatchNotification(watch.Watchee));
        }
    }

    private void NotifyWatchersAndUnwatch()
    {
        foreach (var watcher in _watchers)
        {
            ((IInternalActorRef)watcher).SendSystem(new DeathWatchNotification(_self));
        }

        foreach (var watchee in _watching)
        {
            ((IInternalActorRef)watchee).SendSystem(new UnwatchActor((IInternalActorRef)watchee, _self));
        }

        _watchers.Clear();
        _watching.Clear();
    }
}
