namespace Crawler.Actors.Runtime;

/// <summary>The temporary ref an Ask hands out as sender: the first reply completes the task, a timer on the system's clock faults it.</summary>
internal sealed class PromiseActorRef<TReply> : IActorRef
{
    private static long s_next;

    private readonly TaskCompletionSource<TReply> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _timer;
    private readonly string _targetPath;
    private readonly TimeSpan _timeout;
    private readonly Type _messageType;
    private readonly CancellationTokenRegistration _cancellation;

    public PromiseActorRef(TimeProvider time, IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Path = $"/temp/ask-{Interlocked.Increment(ref s_next)}";
        _targetPath = target.Path;
        _timeout = timeout;
        _messageType = message.GetType();
        _timer = time.CreateTimer(static s => ((PromiseActorRef<TReply>)s!).Expire(), this, timeout, Timeout.InfiniteTimeSpan);
        _cancellation = cancellationToken.Register(static s => ((PromiseActorRef<TReply>)s!).Cancel(), this);
    }

    public string Path { get; }

    public long Uid => 0;

    public Task<TReply> Task => _promise.Task;

    public void Tell(object message, IActorRef? sender = null)
    {
        var completed = message switch
        {
            TReply reply => _promise.TrySetResult(reply),
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            _ => _promise.TrySetException(new InvalidCastException(
                $"ask of {_targetPath} expected a {typeof(TReply).Name} reply but got {message.GetType().Name}")),
        };
        if (completed)
        {
            Cleanup();
        }
    }

    public override bool Equals(object? obj) => ActorRefs.AreEqual(this, obj);

    public override int GetHashCode() => ActorRefs.HashOf(this);

    public override string ToString() => $"[{Path}]";

    private void Expire()
    {
        if (_promise.TrySetException(new AskTimeoutException(_targetPath, _timeout, _messageType)))
        {
            Cleanup();
        }
    }

    private void Cancel()
    {
        if (_promise.TrySetCanceled())
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer.Dispose();
        _cancellation.Dispose();
    }
}
