namespace Crawler.Actors.Runtime.Supervision;

/// <summary>
/// Counts one child's restarts in the current window (Akka's ChildRestartStats). Touched only on the supervisor's turn.
/// </summary>
internal sealed class RestartStatistics
{
    private int _restarts;
    private long _windowStart;
    private bool _windowStarted;

    public int Restarts => _restarts;

    /// <summary>
    /// True if one more restart is allowed: <paramref name="maxRetries"/> negative means unlimited, 0 means never;
    /// with a window, the count starts over once a restart falls outside the window that the first one opened.
    /// </summary>
    public bool RequestRestartPermission(TimeProvider time, int maxRetries, TimeSpan? window)
    {
        if (maxRetries == 0)
        {
            return false;
        }

        if (window is not TimeSpan within)
        {
            return maxRetries < 0 || ++_restarts <= maxRetries;
        }

        var now = time.GetTimestamp();
        var allowed = maxRetries < 0 ? 1 : maxRetries;
        if (!_windowStarted)
        {
            _windowStarted = true;
            _windowStart = now;
        }

        var retries = ++_restarts;
        if (time.GetElapsedTime(_windowStart, now) <= within)
        {
            return maxRetries < 0 || retries <= allowed;
        }

        _restarts = 1;
        _windowStart = now;
        return true;
    }
}
