using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Runtime;

/// <summary>
/// Base class for actors. Register typed handlers in the constructor with <see cref="Receive{T}(Action{T}, Func{T, bool}?)"/>,
/// <see cref="ReceiveAsync{T}(Func{T, Task}, Func{T, bool}?)"/> and <see cref="ReceiveAny"/>; the table is frozen once the
/// constructor returns and can only be swapped with <see cref="Become"/>. One message at a time: an async handler's
/// awaited work completes before the next message is taken. Instances are created only by the kernel, from Props.
/// </summary>
public abstract class ReceiveActor
{
    private readonly ActorCell _cell;
    private readonly Stack<Behavior> _behaviors = new();
    private Behavior? _building = new();

    protected ReceiveActor()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} must be created by ActorOf(Props.Create(() => new {GetType().Name}(...))), not with new");
    }

    protected IActorContext Context => _cell;

    protected IActorRef Self => _cell.Self;

    protected IActorRef Sender => _cell.Sender;

    protected ITimerScheduler Timers => _cell.Timers;

    protected ILogger Logger => _cell.Logger;

    protected void Receive<T>(Action<T> handler, Func<T, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new Behavior.SyncHandler<T>(handler, predicate));
    }

    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler) => Receive(handler, predicate);

    protected void ReceiveAsync<T>(Func<T, Task> handler, Func<T, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new Behavior.AsyncHandler<T>(handler, predicate));
    }

    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new Behavior.SyncHandler<object>(handler, null));
    }

    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new Behavior.AsyncHandler<object>(handler, null));
    }

    /// <summary>Replaces the current handler table with the one <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => BecomeCore(configure, stacked: false);

    /// <summary>Pushes a new handler table; <see cref="Unbecome"/> returns to the one below.</summary>
    protected void BecomeStacked(Action configure) => BecomeCore(configure, stacked: true);

    protected void Unbecome()
    {
        if (_behaviors.Count > 1)
        {
            _behaviors.Pop();
        }
    }

    protected virtual void PreStart()
    {
    }

    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Runs on the failed instance before it is replaced. <paramref name="message"/> is the message whose handling failed
    /// (it is not redelivered, so hand it back here if it matters); <c>Sender</c> is still its sender. By default stops
    /// all children and calls <see cref="PostStop"/>.
    /// </summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the fresh instance; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Called for messages no handler matched; by default sends them to dead letters (counted and logged).</summary>
    protected virtual void Unhandled(object message) => _cell.UnhandledMessage(message);

    internal void BecomeCore(Action configure, bool stacked)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var behavior = new Behavior();
        var previous = _building;
        _building = behavior;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        behavior.Freeze();
        if (!stacked && _behaviors.Count > 0)
        {
            _behaviors.Pop();
        }

        _behaviors.Push(behavior);
    }

    internal void UnbecomeCore() => Unbecome();

    internal void FreezeInitialBehavior()
    {
        var initial = _building!;
        initial.Freeze();
        _building = null;
        _behaviors.Push(initial);
    }

    internal Task? Dispatch(object message)
    {
        if (_behaviors.Peek().TryHandle(message, out var pending))
        {
            return pending;
        }

        Unhandled(message);
        return null;
    }

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    private Behavior Building() =>
        _building ?? throw new InvalidOperationException("receive handlers can only be added in the constructor or in a Become(...) callback");
}
