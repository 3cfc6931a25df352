namespace Crawler.TestSupport.Time;

/// <summary>
/// A clock that moves only when told. <see cref="Advance"/> fires every timer that falls due, in due-time order, on the
/// calling thread, with <see cref="GetUtcNow"/> set to each timer's due time while its callback runs; periodic timers
/// fire once per elapsed period. A timer created with due time zero fires on the next Advance (even of zero).
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    // A periodic timer with a tiny period could otherwise make one Advance loop for ever.
    private const int MaxFiringsPerAdvance = 1_000_000;

    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private long _sequence;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public FakeTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers not yet fired or disposed (periodic ones count until disposed).</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
            Schedule(timer, dueTime, period);
        }

        return timer;
    }

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        for (var firings = 0; firings < MaxFiringsPerAdvance; firings++)
        {
            FakeTimer? next = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.Due is { } due && due <= target
                        && (next is null || due < next.Due || (due == next.Due && timer.Sequence < next.Sequence)))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.Due > _now)
                {
                    _now = next.Due.Value;
                }

                next.Due = next.Period is { } period ? next.Due + period : null;
            }

            next.Callback(next.State);
        }

        throw new InvalidOperationException($"Advance fired more than {MaxFiringsPerAdvance} timers; is a period near zero?");
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        timer.Sequence = ++_sequence;
        timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
        timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this))
                {
                    return false;
                }

                owner.Schedule(this, dueTime, period);
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                Due = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
