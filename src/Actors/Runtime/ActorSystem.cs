using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crawler.Actors.Runtime;

/// <summary>
/// A named tree of actors under the <c>/user</c> guardian, with its clock (<see cref="TimeProvider"/>), logging, dead
/// letters and event stream. <see cref="Terminate"/> stops the tree children-first and completes <see cref="WhenTerminated"/>.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    // Akka logs the first 10 dead letters and then only counts them: enough to see a wiring mistake without
    // flooding the log when a whole mailbox is drained at shutdown.
    internal const int MaxLoggedDeadLetters = 10;

    private static readonly TimeSpan s_defaultTerminateTimeout = TimeSpan.FromSeconds(10);

    private readonly ActorCell _guardian;
    private readonly DeadLetterActorRef _deadLetters;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _deadLetterCount;
    private long _nextUid;

    public ActorSystem(string name, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        TimeProvider = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Logger = LoggerFactory.CreateLogger<ActorSystem>();
        _deadLetters = new DeadLetterActorRef(this);
        var guardianProps = Props.Create(() => new GuardianActor());
        _guardian = new ActorCell(this, guardianProps, parent: null, "/user", NextUid());
        _guardian.Start();
    }

    public string Name { get; }

    public TimeProvider TimeProvider { get; }

    public ILoggerFactory LoggerFactory { get; }

    public EventStream EventStream { get; } = new();

    /// <summary>The ref undeliverable messages go to; telling it counts a dead letter.</summary>
    public IActorRef DeadLetters => _deadLetters;

    public long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    /// <summary>Completes once every actor has stopped (or the terminate timeout gave up on them).</summary>
    public Task WhenTerminated => _terminated.Task;

    internal ILogger Logger { get; }

    internal IActorRef Guardian => _guardian.Self;

    public IActorRef ActorOf(Props props, string? name = null) => _guardian.ActorOf(props, name);

    /// <summary>Stops a top-level (or any) actor asynchronously.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is IInternalActorRef local && local.System == this)
        {
            local.SendSystem(TerminateActor.Instance);
        }
    }

    /// <summary>
    /// Stops every actor, children before parents, and waits up to <paramref name="timeout"/> (10 s by default).
    /// Returns false if the timeout expired first; <see cref="WhenTerminated"/> completes either way.
    /// </summary>
    public async Task<bool> Terminate(TimeSpan? timeout = null)
    {
        var limit = timeout ?? s_defaultTerminateTimeout;
        _guardian.SelfRef.SendSystem(TerminateActor.Instance);
        try
        {
            await _terminated.Task.WaitAsync(limit).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            RuntimeLog.TerminateTimedOut(Logger, Name, limit.TotalMilliseconds);
            _terminated.TrySetResult();
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    public override string ToString() => $"ActorSystem({Name})";

    internal long NextUid() => Interlocked.Increment(ref _nextUid);

    internal void PublishDeadLetter(DeadLetter letter)
    {
        if (letter.Message is DeadLetter)
        {
            // A dead-letter notice that could not reach a (stopped) subscriber: it was counted when first published,
            // and republishing it would loop between the event stream and the dead subscriber.
            return;
        }

        var count = Interlocked.Increment(ref _deadLetterCount);
        if (count <= MaxLoggedDeadLetters)
        {
            RuntimeLog.DeadLetter(Logger, letter.Message.GetType().Name, letter.Sender?.Path ?? "no sender", letter.Recipient.Path, count);
        }
        else if (count == MaxLoggedDeadLetters + 1)
        {
            RuntimeLog.DeadLettersMuted(Logger, MaxLoggedDeadLetters);
        }

        EventStream.Publish(letter);
    }

    internal void OnGuardianTerminated() => _terminated.TrySetResult();
}
