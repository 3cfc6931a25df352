namespace Crawler.Actors.Load;

/// <summary>
/// The supervisor's side of the tallies: merges per-second snapshots into the time series and worker
/// results into the totals. Single-threaded (owned by the supervisor actor).
/// </summary>
internal sealed class LoadReportBuilder
{
    private readonly SortedDictionary<int, Bucket> _seconds = [];
    private readonly LatencyHistogramPool _pool;
    private readonly LatencyHistogram _latency = new();
    private readonly long[] _errors = new long[Enum.GetValues<LoadErrorKind>().Length];
    private readonly Dictionary<int, long> _status = [];
    private LatencyHistogram? _uncorrected;
    private long _operations;
    private long _operationsPublished;
    private long _requests;
    private long _bytes;
    private long _connections;

    public LoadReportBuilder(LatencyHistogramPool pool) => _pool = pool;

    public int WorkersFinished { get; private set; }

    public long ConnectionsOpened => _connections;

    /// <summary>Operations in every per-second snapshot received so far; the live count while workers still run.</summary>
    public long OperationsPublished => _operationsPublished;

    public void Add(LoadIntervalSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_seconds.TryGetValue(snapshot.Second, out var bucket))
        {
            bucket = new Bucket();
            _seconds.Add(snapshot.Second, bucket);
        }

        bucket.Latency.Merge(snapshot.Latency);
        bucket.Operations += snapshot.Requests;
        _operationsPublished += snapshot.Requests;
        bucket.Errors += snapshot.Errors;
        bucket.Bytes += snapshot.Bytes;
        _pool.Return(snapshot.Latency);
    }

    public void Add(LoadWorkerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _latency.Merge(result.Latency);
        if (result.Uncorrected is not null)
        {
            _uncorrected ??= new LatencyHistogram();
            _uncorrected.Merge(result.Uncorrected);
        }

        _operations += result.Operations;
        _requests += result.Requests;
        _bytes += result.Bytes;
        _connections += result.ConnectionsOpened;
        for (var i = 0; i < _errors.Length; i++)
        {
            _errors[i] += result.Errors[i];
        }

        for (var code = 0; code < result.StatusCounts.Length; code++)
        {
            var n = result.StatusCounts[code];
            if (n != 0)
            {
                _status[code] = _status.GetValueOrDefault(code) + n;
            }
        }

        WorkersFinished++;
    }

    /// <summary>Operations and p99 of one second, for the live progress line; zeros when nothing has arrived for it yet.</summary>
    public (long Operations, long Errors, long P99Nanoseconds) SecondSummary(int second)
        => _seconds.TryGetValue(second, out var b) ? (b.Operations, b.Errors, b.Latency.Percentile(99)) : (0, 0, 0);

    public LoadReport Build(string target, LoadModel model, int connections, double? rate, DateTimeOffset startedAt, TimeSpan elapsed, IReadOnlyList<string>? requisites = null)
    {
        var lastSecond = _seconds.Count == 0 ? -1 : _seconds.Keys.Max();
        var series = new List<LoadSecond>(lastSecond + 1);
        for (var s = 0; s <= lastSecond; s++)
        {
            series.Add(_seconds.TryGetValue(s, out var b)
                ? new LoadSecond(s, b.Operations, b.Errors, b.Bytes, b.Latency.Percentile(99))
                : new LoadSecond(s, 0, 0, 0, 0));
        }

        return new LoadReport
        {
            Target = target,
            Model = model,
            Connections = connections,
            Rate = rate,
            StartedAt = startedAt,
            Elapsed = elapsed,
            Operations = _operations,
            Requests = _requests,
            Bytes = _bytes,
            Latency = _latency,
            Uncorrected = _uncorrected,
            Errors = Enum.GetValues<LoadErrorKind>().ToDictionary(k => k, k => _errors[(int)k]),
            StatusCodes = new SortedDictionary<int, long>(_status),
            Series = series,
            ConnectionsOpened = _connections,
            Requisites = requisites ?? [],
        };
    }

    private sealed class Bucket
    {
        public LatencyHistogram Latency { get; } = new();

        public long Operations { get; set; }

        public long Errors { get; set; }

        public long Bytes { get; set; }
    }
}
