namespace Crawler.Actors.Load;

/// <summary>
/// What the workers of one run share: the clock, the stop signal, the request budget (-n) or the open
/// schedule, and whether anything has connected yet. Everything here is read on the hot path, so it is
/// plain fields plus one interlocked counter.
/// </summary>
internal sealed class LoadRunContext : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private long _remaining;
    private int _connectedEver;
    private int _firstConnectFailures;

    public LoadRunContext(LoadOptions options, TimeProvider timeProvider, LatencyHistogramPool pool)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        TimeProvider = timeProvider;
        Pool = pool;
        Frequency = timeProvider.TimestampFrequency;
        NanosecondsPerTick = 1e9 / Frequency;
        TimeoutTicks = (long)(options.Timeout.TotalSeconds * Frequency);
        _remaining = options.Requests ?? long.MaxValue;
        Workers = options.Connections;
    }

    public LoadOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public LatencyHistogramPool Pool { get; }

    public long Frequency { get; }

    public double NanosecondsPerTick { get; }

    public long TimeoutTicks { get; }

    public int Workers { get; }

    public long StartTimestamp { get; private set; }

    /// <summary>Open model only; set by <see cref="Start"/>.</summary>
    public OpenSchedule? Schedule { get; private set; }

    /// <summary>Open model: slots 0..TotalSlots-1 are sent.</summary>
    public long TotalSlots { get; private set; }

    public CancellationToken StopToken => _stop.Token;

    public bool Stopping => _stop.IsCancellationRequested;

    public bool ConnectedEver => Volatile.Read(ref _connectedEver) != 0;

    /// <summary>True when the run ended early because no worker could connect on its first try.</summary>
    public bool NothingConnected { get; private set; }

    public void Start(long startTimestamp)
    {
        StartTimestamp = startTimestamp;
        if (Options.Model == LoadModel.Open)
        {
            var schedule = new OpenSchedule(startTimestamp, Options.Rate!.Value, Frequency);
            Schedule = schedule;
            TotalSlots = Options.Requests ?? schedule.SlotsWithin((long)(Options.Duration.TotalSeconds * Frequency));
        }
    }

    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run already ended; stopping twice is harmless.
        }
    }

    /// <summary>Closed and page models: takes one request from the -n budget; false when it is spent.</summary>
    public bool TryTake() => Options.Requests is null || Interlocked.Decrement(ref _remaining) >= 0;

    public int SecondOf(long timestamp) => (int)((timestamp - StartTimestamp) / Frequency);

    public long Nanoseconds(long ticks) => (long)(ticks * NanosecondsPerTick);

    public void ReportConnected() => Volatile.Write(ref _connectedEver, 1);

    /// <summary>A worker's very first connect failed; when every worker's did and none connected, the run is pointless.</summary>
    public void ReportFirstConnectFailed()
    {
        if (Interlocked.Increment(ref _firstConnectFailures) >= Workers && !ConnectedEver)
        {
            NothingConnected = true;
            Stop();
        }
    }

    public void Dispose() => _stop.Dispose();
}
