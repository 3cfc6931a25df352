namespace Crawler.Actors.Runtime;

/// <summary>
/// Timers that send a message to the actor itself, on the system's <see cref="TimeProvider"/>. Starting a timer under a
/// key in use replaces it; a message from a cancelled or replaced timer that is already queued is discarded, never
/// delivered. All timers are cancelled when the actor stops or restarts. Use only from the actor's own handlers.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object message, TimeSpan delay);

    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();
}
