namespace Crawler.Actors.Load;

/// <summary>
/// Everything one worker counts, owned by that worker alone (no locks, no allocation per request).
/// When a measurement lands in a new second of the run, the previous second's histogram and counters
/// are published as a <see cref="LoadIntervalSnapshot"/> and a fresh histogram is rented.
/// </summary>
internal sealed class LoadWorkerTally
{
    // Status codes are three digits (RFC 9110 §15); anything else is a protocol error before it gets here.
    private const int StatusSlots = 1000;

    private readonly int _worker;
    private readonly LatencyHistogramPool _pool;
    private readonly Action<LoadIntervalSnapshot> _publish;
    private readonly long[] _errors = new long[Enum.GetValues<LoadErrorKind>().Length];
    private readonly long[] _status = new long[StatusSlots];
    private LatencyHistogram _interval;
    private int _second;
    private long _intervalOperations;
    private long _intervalErrors;
    private long _intervalBytes;

    public LoadWorkerTally(int worker, bool trackUncorrected, LatencyHistogramPool pool, Action<LoadIntervalSnapshot> publish)
    {
        _worker = worker;
        _pool = pool;
        _publish = publish;
        _interval = pool.Rent();
        Uncorrected = trackUncorrected ? new LatencyHistogram() : null;
    }

    public LatencyHistogram Latency { get; } = new();

    public LatencyHistogram? Uncorrected { get; }

    public long Operations { get; private set; }

    public long Requests { get; private set; }

    public long Bytes { get; private set; }

    public long ConnectionsOpened { get; private set; }

    public long ErrorCount(LoadErrorKind kind) => _errors[(int)kind];

    /// <summary>A measured operation (a request, or a whole page in page mode) completed during <paramref name="second"/>.</summary>
    public void Completed(int second, long latencyNanoseconds, long uncorrectedNanoseconds)
    {
        Roll(second);
        Latency.Record(latencyNanoseconds);
        Uncorrected?.Record(uncorrectedNanoseconds);
        _interval.Record(latencyNanoseconds);
        _intervalOperations++;
        Operations++;
    }

    /// <summary>One HTTP response ended (whatever its status) after <paramref name="bytes"/> bytes on the wire.</summary>
    public void Response(int second, int status, long bytes)
    {
        Roll(second);
        Requests++;
        Bytes += bytes;
        _intervalBytes += bytes;
        if ((uint)status < StatusSlots)
        {
            _status[status]++;
        }

        if (status >= 400)
        {
            _errors[(int)LoadErrorKind.Status]++;
            _intervalErrors++;
        }
    }

    public void Error(int second, LoadErrorKind kind, long bytes = 0)
    {
        Roll(second);
        _errors[(int)kind]++;
        _intervalErrors++;
        Bytes += bytes;
        _intervalBytes += bytes;
    }

    public void Connected(long count = 1) => ConnectionsOpened += count;

    /// <summary>Publishes the last (partial) second and returns the totals.</summary>
    public LoadWorkerResult Finish()
    {
        Publish();
        return new LoadWorkerResult(
            _worker, Latency, Uncorrected, Operations, Requests, Bytes, (long[])_errors.Clone(), (long[])_status.Clone(), ConnectionsOpened);
    }

    private void Roll(int second)
    {
        if (second != _second)
        {
            Publish();
            _second = second;
        }
    }

    private void Publish()
    {
        if (_intervalOperations == 0 && _intervalErrors == 0 && _intervalBytes == 0)
        {
            return;
        }

        _publish(new LoadIntervalSnapshot(_worker, _second, _interval, _intervalOperations, _intervalErrors, _intervalBytes));
        _interval = _pool.Rent();
        _intervalOperations = 0;
        _intervalErrors = 0;
        _intervalBytes = 0;
    }
}
