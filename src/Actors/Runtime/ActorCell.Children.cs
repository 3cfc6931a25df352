using System.Globalization;
using Crawler.Actors.Runtime.Supervision;

namespace Crawler.Actors.Runtime;

internal sealed partial class ActorCell
{
    // Taken by ActorOf (which a top-level caller runs on its own thread, for the guardian) and by the state change to
    // Terminating, so no child can be added once the stop has snapshotted the children.
    private readonly Lock _childrenLock = new();
    private readonly Dictionary<string, ChildEntry> _children = new(StringComparer.Ordinal);
    private readonly HashSet<IActorRef> _stopping = [];
    private long _nextChildName;

    public IReadOnlyCollection<IActorRef> Children => ChildRefs;

    public IReadOnlyList<IActorRef> ChildRefs
    {
        get
        {
            lock (_childrenLock)
            {
                return [.. _children.Values.Select(c => (IActorRef)c.Ref)];
            }
        }
    }

    public IActorRef? Child(string name)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(name, out var entry) ? entry.Ref : null;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        name ??= "$" + Interlocked.Increment(ref _nextChildName).ToString(CultureInfo.InvariantCulture);
        ValidateName(name);
        ActorCell child;
        lock (_childrenLock)
        {
            if (_state is CellState.Terminating or CellState.Terminated)
            {
                throw new InvalidOperationException($"cannot create {name} under {Path}: it is stopping");
            }

            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException(name, $"not unique under {Path}");
            }

            child = new ActorCell(_system, props, this, Path + "/" + name, _system.NextUid());
            _children.Add(name, new ChildEntry(child.SelfRef, new RestartStatistics()));
        }

        child.Start();
        return child.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(_self))
        {
            PostSystem(TerminateActor.Instance);
            return;
        }

        if (FindChild(actor) is not null)
        {
            _stopping.Add(actor);
        }

        (actor as IInternalActorRef)?.SendSystem(TerminateActor.Instance);
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new InvalidActorNameException(name, "must be non-empty, without '/' or whitespace");
        }
    }

    private static string NameOf(IActorRef actor) => actor.Path[(actor.Path.LastIndexOf('/') + 1)..];

    private ChildEntry? FindChild(IActorRef actor)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(NameOf(actor), out var entry) && entry.Ref.Equals(actor) ? entry : null;
        }
    }

    private int ChildCount()
    {
        lock (_childrenLock)
        {
            return _children.Count;
        }
    }

    /// <summary>Any thread: frees <paramref name="child"/>'s name, unless it already belongs to a newer child.</summary>
    private void ReleaseName(IActorRef child)
    {
        lock (_childrenLock)
        {
            var name = NameOf(child);
            if (_children.TryGetValue(name, out var entry) && entry.Ref.Equals(child))
            {
                _children.Remove(name);
            }
        }
    }

    private void HandleChildTerminated(IActorRef child)
    {
        ReleaseName(child);
        _stopping.Remove(child);
        if (_state == CellState.Terminating && ChildCount() == 0)
        {
            FinishTerminate();
        }
        else if (_state == CellState.Restarting && _pendingRestartCause is { } cause && _stopping.Count == 0)
        {
            FinishRestart(cause);
        }
    }

    private void BeginTerminate()
    {
        IActorRef[] children;
        lock (_childrenLock)
        {
            if (_state is CellState.Terminating or CellState.Terminated)
            {
                return;
            }

            _state = CellState.Terminating;
            children = [.. _children.Values.Select(c => c.Ref)];
        }

        _mailbox.Suspended = true;
        _timers?.CancelAll();
        foreach (var child in children)
        {
            Stop(child);
        }

        if (children.Length == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        _state = CellState.Terminated;
        if (_actor is not null)
        {
            try
            {
                _actor.InvokePostStop();
            }
#pragma warning disable CA1031 // Actor boundary: a throwing PostStop must not stop the rest of the shutdown.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                RuntimeLog.HookFailed(Logger, exception, Path, "PostStop");
            }

            _actor = null;
        }

        _mailbox.Close(DeadLetter, HandleSystemWhenDead);

        // The name is freed here, on this thread, before any watcher hears Terminated: one that reacts by creating
        // the actor again under the same name (a router replacing a routee, a job restarted) must find it free. The
        // parent's own bookkeeping (its termination or restart waiting on children) follows through its mailbox.
        _parent?.ReleaseName(_self);
        _parent?.PostSystem(new ChildTerminated(_self));
        NotifyWatchersAndUnwatch();
        if (_parent is null)
        {
            _system.OnGuardianTerminated();
        }
    }

    private sealed record ChildEntry(LocalActorRef Ref, RestartStatistics Stats);
}
