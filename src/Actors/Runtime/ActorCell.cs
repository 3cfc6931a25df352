using Crawler.Actors.Runtime.Routing;
using Crawler.Actors.Runtime.Supervision;
using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Runtime;

/// <summary>
/// The kernel's record of one actor: instance, mailbox, children, watchers, timers and lifecycle state. Everything here
/// except the Post methods and <see cref="ActorOf"/> runs on the actor's own mailbox turn, so needs no locking.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_constructing;

    private readonly ActorSystem _system;
    private readonly Props _props;
    private readonly ActorCell? _parent;
    private readonly LocalActorRef _self;
    private readonly Mailbox _mailbox;
    private readonly Router? _router;
    private readonly Func<ReceiveActor> _factory;
    private readonly SupervisorStrategy _strategy;
    private ReceiveActor? _actor;
    private Envelope _current;
    private CellState _state;
    private TimerScheduler? _timers;
    private ILogger? _logger;

    public ActorCell(ActorSystem system, Props props, ActorCell? parent, string path, long uid)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _mailbox = new Mailbox(props.Mailbox, DeadLetter);
        _self = new LocalActorRef(this, _mailbox, props.Router is not null, path, uid);
        _mailbox.Attach(this);
        if (props.Router is { } pool)
        {
            var router = pool.CreateRouter();
            var routeeProps = props.WithoutRouter();
            _router = router;
            _factory = () => new RouterActor(pool, router, routeeProps);
            _strategy = pool.SupervisorStrategy;
        }
        else
        {
            _factory = props.Factory;
            _strategy = props.SupervisorStrategy;
        }
    }

    /// <summary>The cell whose actor is being constructed on this thread; how <see cref="ReceiveActor"/> finds its context.</summary>
    internal static ActorCell? Constructing => t_constructing;

    public ActorSystem System => _system;

    public IActorRef Self => _self;

    public IActorRef Sender => _current.Sender ?? _system.DeadLetters;

    public IActorRef Parent => _parent?.Self ?? _system.DeadLetters;

    public ITimerScheduler Timers => _timers ??= new TimerScheduler(_system.TimeProvider, fired => EnqueueUser(fired, _self));

    public ILogger Logger => _logger ??= _system.LoggerFactory.CreateLogger(_props.ActorType.FullName ?? _props.ActorType.Name);

    internal LocalActorRef SelfRef => _self;

    internal Mailbox Mailbox => _mailbox;

    internal string Path => _self.Path;

    public void Become(Action configure) => Instance().BecomeCore(configure, stacked: false);

    public void BecomeStacked(Action configure) => Instance().BecomeCore(configure, stacked: true);

    public void Unbecome() => Instance().UnbecomeCore();

    internal void Start() => PostSystem(CreateActor.Instance);

    /// <summary>
    /// A router routes on the sender's thread only while its own mailbox is empty. Messages told before the routees
    /// existed (or while they are replaced) wait there and the router actor routes them; a later message routed
    /// directly would overtake them, so senders queue behind that backlog until it has drained. The count drops only
    /// after the router's turn has handed those messages on, so what follows is routed after them.
    /// </summary>
    private bool RoutesDirectly => _router is not null && _mailbox.Count == 0;

    /// <summary>Any thread: routes (for a router) or enqueues a user message; dead-letters it if the mailbox refuses.</summary>
    internal void Post(object message, IActorRef? sender)
    {
        if (RoutesDirectly && _router!.Route(message, sender, out var routee))
        {
            routee?.Tell(message, sender);
            return;
        }

        EnqueueUser(message, sender);
    }

    internal ValueTask PostAsync(object message, IActorRef? sender, CancellationToken cancellationToken)
    {
        if (RoutesDirectly && _router!.Route(message, sender, out var routee))
        {
            return routee?.TellAsync(message, sender, cancellationToken) ?? ValueTask.CompletedTask;
        }

        var posting = _mailbox.PostUserAsync(new Envelope(message, sender), cancellationToken);
        if (posting.IsCompletedSuccessfully)
        {
            if (!posting.Result)
            {
                DeadLetter(new Envelope(message, sender));
            }

            return ValueTask.CompletedTask;
        }

        return AwaitPost(posting, message, sender);
    }

    internal void PostSystem(SystemMessage message)
    {
        if (!_mailbox.PostSystem(message))
        {
            HandleSystemWhenDead(message);
        }
    }

    /// <summary>Runs one user message. Returns the task of an async handler that has not finished, else null.</summary>
    internal Task? Invoke(Envelope envelope)
    {
        _current = envelope;
        var message = envelope.Message;
        try
        {
            switch (message)
            {
                case PoisonPill:
                    BeginTerminate();
                    return null;
                case TimerFired fired:
                    if (_timers is null || !_timers.Accept(fired))
                    {
                        return null;
                    }

                    message = fired.Message;
                    _current = new Envelope(message, _self);
                    break;
            }

            var pending = _actor!.Dispatch(message);
            if (pending is null || pending.IsCompletedSuccessfully)
            {
                return null;
            }

            if (pending.IsCompleted)
            {
                pending.GetAwaiter().GetResult();
                return null;
            }

            return pending;
        }
#pragma warning disable CA1031 // Actor boundary: any exception from actor code becomes a supervision decision, never a crash.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            HandleInvokeFailure(exception, message);
            return null;
        }
    }

    /// <summary>Called once an async handler's task has finished, still within the actor's turn.</summary>
    internal void CompleteAsync(Task pending)
    {
        if (pending.IsCompletedSuccessfully)
        {
            return;
        }

        var exception = pending.Exception?.InnerException
            ?? new OperationCanceledException($"async handler of {Path} was cancelled");
        HandleInvokeFailure(exception, _current.Message);
    }

    internal void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case CreateActor:
                    Create();
                    break;
                case TerminateActor:
                    BeginTerminate();
                    break;
                case ResumeActor:
                    Resume();
                    break;
                case RecreateActor recreate:
                    Restart(recreate.Cause);
                    break;
                case ChildFailed failed:
                    HandleChildFailed(failed);
                    break;
                case ChildTerminated terminated:
                    HandleChildTerminated(terminated.Child);
                    break;
                case WatchActor watch:
                    AddWatcher(watch);
                    break;
                case UnwatchActor unwatch:
                    RemoveWatcher(unwatch);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification.Actor);
                    break;
            }
        }
#pragma warning disable CA1031 // Kernel boundary: a bug in one actor's bookkeeping must not kill the thread-pool thread.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RuntimeLog.HookFailed(Logger, exception, Path, message.GetType().Name);
        }
    }

    internal void UnhandledMessage(object message) =>
        _system.PublishDeadLetter(new DeadLetter(message, _current.Sender, _self));

    /// <summary>Enqueues to this actor's own mailbox, bypassing routing (timer, Terminated and router-management messages).</summary>
    internal void EnqueueUser(object message, IActorRef? sender)
    {
        var envelope = new Envelope(message, sender);
        if (!_mailbox.PostUser(envelope))
        {
            DeadLetter(envelope);
        }
    }

    internal void Undeliverable(object message, IActorRef? sender) => DeadLetter(new Envelope(message, sender));

    private async ValueTask AwaitPost(ValueTask<bool> posting, object message, IActorRef? sender)
    {
        if (!await posting.ConfigureAwait(false))
        {
            DeadLetter(new Envelope(message, sender));
        }
    }

    private void DeadLetter(Envelope envelope)
    {
        // A timer message for a dead actor is expected noise of shutdown, not a lost message.
        if (envelope.Message is not TimerFired)
        {
            _system.PublishDeadLetter(new DeadLetter(envelope.Message, envelope.Sender, _self));
        }
    }

    private ReceiveActor Instance() =>
        _actor ?? throw new InvalidOperationException($"actor {Path} has no live instance (it is restarting or stopped)");

    private ReceiveActor NewInstance()
    {
        var previous = t_constructing;
        t_constructing = this;
        try
        {
            var actor = _factory();
            actor.FreezeInitialBehavior();
            return actor;
        }
        finally
        {
            t_constructing = previous;
        }
    }

    private void Create()
    {
        if (_state != CellState.Creating)
        {
            return;
        }

        try
        {
            _actor = NewInstance();
            _actor.InvokePreStart();
        }
#pragma warning disable CA1031 // Actor boundary: constructor or PreStart failure goes to the supervisor.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            InitializationFailed(exception);
            return;
        }

        _state = CellState.Running;
        _mailbox.Suspended = false;
    }
}
