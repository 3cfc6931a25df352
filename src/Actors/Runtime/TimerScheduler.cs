namespace Crawler.Actors.Runtime;

internal sealed class TimerScheduler : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private readonly TimeProvider _time;
    private readonly Action<TimerFired> _deliver;
    private int _generation;

    public TimerScheduler(TimeProvider time, Action<TimerFired> deliver)
    {
        _time = time;
        _deliver = deliver;
    }

    public void StartSingleTimer(object key, object message, TimeSpan delay) =>
        Start(key, message, delay, Timeout.InfiniteTimeSpan, single: true);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        StartPeriodicTimer(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, message, initialDelay, interval, single: false);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>Called on the actor's turn: true if the message comes from the timer currently under its key.</summary>
    public bool Accept(TimerFired fired)
    {
        if (!_timers.TryGetValue(fired.Key, out var entry) || entry.Generation != fired.Generation)
        {
            return false;
        }

        if (entry.Single)
        {
            _timers.Remove(fired.Key);
            entry.Timer.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan due, TimeSpan period, bool single)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var fired = new TimerFired(key, ++_generation, message);
        var timer = _time.CreateTimer(static state => ((TimerCallbackState)state!).Fire(), new TimerCallbackState(fired, _deliver), due < TimeSpan.Zero ? TimeSpan.Zero : due, period);
        _timers[key] = new Entry(timer, fired.Generation, single);
    }

    private sealed record Entry(ITimer Timer, int Generation, bool Single);

    private sealed record TimerCallbackState(TimerFired Fired, Action<TimerFired> Deliver)
    {
        public void Fire() => Deliver(Fired);
    }
}
