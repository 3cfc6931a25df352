using System.Threading.Channels;
using Crawler.Actors.Runtime;
using Xunit.Sdk;

namespace Crawler.TestSupport.Actors;

/// <summary>
/// An actor (a real one, under <c>/user</c>) whose messages land in a channel the test reads with timeouts. Use it as
/// a sender, a watcher, or a stand-in for a collaborator. Waits use real time (<see cref="TestTimeouts"/>), never sleeps.
/// </summary>
public sealed class TestProbe : IInternalActorRef
{
    private readonly Channel<ProbeMessage> _inbox = Channel.CreateUnbounded<ProbeMessage>();
    private readonly LocalActorRef _ref;

    public TestProbe(ActorSystem system, string name)
    {
        ArgumentNullException.ThrowIfNull(system);
        _ref = (LocalActorRef)system.ActorOf(Props.Create(() => new ProbeActor(_inbox.Writer)), name);
        System = system;
        LastSender = system.DeadLetters;
    }

    public ActorSystem System { get; }

    /// <summary>The probe's own actor ref (equal to the probe).</summary>
    public IActorRef Ref => _ref;

    public string Path => _ref.Path;

    public long Uid => _ref.Uid;

    /// <summary>Sender of the last message received, or dead letters before any.</summary>
    public IActorRef LastSender { get; private set; }

    public void Tell(object message, IActorRef? sender = null) => _ref.Tell(message, sender);

    void IInternalActorRef.SendSystem(SystemMessage message) => _ref.SendSystem(message);

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, this);
    }

    /// <summary>Replies to the sender of the last message received.</summary>
    public void Reply(object message) => LastSender.Tell(message, this);

    /// <summary>Starts watching <paramref name="target"/>; returns once the watch is registered.</summary>
    public async Task WatchAsync(IActorRef target)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ref.Tell(new ProbeActor.ProbeCommand(target, Watch: true, done));
        await done.Task.WaitAsync(TestTimeouts.Default).ConfigureAwait(false);
    }

    public async Task UnwatchAsync(IActorRef target)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ref.Tell(new ProbeActor.ProbeCommand(target, Watch: false, done));
        await done.Task.WaitAsync(TestTimeouts.Default).ConfigureAwait(false);
    }

    /// <summary>The next message, which must be a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var received = await ReceiveOneAsync(timeout, $"a {typeof(T).Name}").ConfigureAwait(false);
        if (received.Message is not T typed)
        {
            throw new XunitException($"{Path} expected a {typeof(T).Name} but got {Describe(received.Message)}");
        }

        if (predicate is not null && !predicate(typed))
        {
            throw new XunitException($"{Path} got {Describe(received.Message)}, which does not match the predicate");
        }

        return typed;
    }

    /// <summary>The next message, which must equal <paramref name="expected"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
        where T : notnull
    {
        var received = await ReceiveOneAsync(timeout, Describe(expected)).ConfigureAwait(false);
        if (!expected.Equals(received.Message))
        {
            throw new XunitException($"{Path} expected {Describe(expected)} but got {Describe(received.Message)}");
        }

        return (T)received.Message;
    }

    /// <summary>Passes if nothing arrives within <paramref name="duration"/> (default <see cref="TestTimeouts.NoMessage"/>).</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        using var cts = new CancellationTokenSource(duration ?? TestTimeouts.NoMessage);
        try
        {
            var received = await _inbox.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            throw new XunitException($"{Path} expected no message but got {Describe(received.Message)}");
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
        }
    }

    /// <summary>The next message must be <see cref="Terminated"/> for <paramref name="target"/> (watch it first).</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(target), timeout);

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public async Task<T> FishForMessageAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TestTimeouts.Default);

        // Bounded by the deadline: each read waits at most the time left.
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var received = await ReceiveOneAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, $"a matching {typeof(T).Name}").ConfigureAwait(false);
            if (received.Message is T typed && (predicate is null || predicate(typed)))
            {
                return typed;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> messages, whatever they are, within <paramref name="timeout"/> in all.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TestTimeouts.Default);
        var messages = new List<object>(count);
        for (var i = 0; i < count; i++)
        {
            var left = deadline - DateTime.UtcNow;
            var received = await ReceiveOneAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, $"message {i + 1} of {count}").ConfigureAwait(false);
            messages.Add(received.Message);
        }

        return messages;
    }

    /// <summary>The next <paramref name="count"/> messages, each of which must be a <typeparamref name="T"/>.</summary>
    public async Task<IReadOnlyList<T>> ReceiveNAsync<T>(int count, TimeSpan? timeout = null)
    {
        var messages = await ReceiveNAsync(count, timeout).ConfigureAwait(false);
        return [.. messages.Select(m => m is T typed ? typed : throw new XunitException($"{Path} expected only {typeof(T).Name} but got {Describe(m)}"))];
    }

    public override bool Equals(object? obj) => _ref.Equals(obj);

    public override int GetHashCode() => _ref.GetHashCode();

    public override string ToString() => $"TestProbe{_ref}";

    private static string Describe(object message) => $"{message.GetType().Name} {message}";

    private async Task<ProbeMessage> ReceiveOneAsync(TimeSpan? timeout, string expectation)
    {
        var limit = timeout ?? TestTimeouts.Default;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            var received = await _inbox.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            LastSender = received.Sender;
            return received;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new XunitException($"{Path} expected {expectation} within {limit.TotalMilliseconds:0} ms but got nothing");
        }
    }
}
