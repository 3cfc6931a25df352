namespace Crawler.Actors.Runtime;

public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns its first reply. A <see cref="Status.Failure"/>
    /// reply faults the task with its cause; no reply within <paramref name="timeout"/> (on the target system's
    /// <see cref="TimeProvider"/>) faults it with <see cref="AskTimeoutException"/>.
    /// </summary>
    public static Task<TReply> Ask<TReply>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var time = (target as IInternalActorRef)?.System.TimeProvider ?? TimeProvider.System;
        var promise = new PromiseActorRef<TReply>(time, target, message, timeout, cancellationToken);
        target.Tell(message, promise);
        return promise.Task;
    }
}
