using Crawler.Actors.Fetching;

namespace Crawler.Actors.Stats;

/// <summary>
/// Counts of a crawl or warm run: URLs done, bytes, rates, status codes and errors, overall and per host.
/// Written by the one actor that owns the run; the progress display reads <see cref="Snapshot"/> from its own
/// thread, hence the lock (uncontended: a few hundred updates a second at most).
/// </summary>
public sealed class CrawlStats
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly Dictionary<int, long> _statusCodes = [];
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostCounter> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private long _done;
    private long _failed;
    private long _bytes;
    private long _resumed;
    private int _queued;
    private int _inFlight;
    private TimeSpan? _frozenElapsed;

    public CrawlStats(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _started = _timeProvider.GetTimestamp();
    }

    public void SetQueue(int queued, int inFlight)
    {
        lock (_gate)
        {
            _queued = queued;
            _inFlight = inFlight;
        }
    }

    public void Record(UrlOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            // Taken from an earlier run's journal: part of the result, but nothing crossed the network.
            var transferred = outcome.Resumed ? 0 : outcome.Bytes;
            _done++;
            _resumed += outcome.Resumed ? 1 : 0;
            _bytes += transferred;

            if (!_hosts.TryGetValue(outcome.Host, out var host))
            {
                host = new HostCounter();
                _hosts.Add(outcome.Host, host);
            }

            host.Requests++;
            host.Bytes += transferred;
            if (outcome.StatusCode is { } status)
            {
                Increment(_statusCodes, status);
                Increment(host.StatusCodes, status);
            }

            if (outcome.Error is { } error)
            {
                _failed++;
                host.Failed++;
                var key = ErrorKey(error);
                Increment(_errors, key);
                Increment(host.Errors, key);
            }
        }
    }

    /// <summary>Stops the clock so rates in the final report do not decay while it is printed.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _frozenElapsed ??= _timeProvider.GetElapsedTime(_started);
        }
    }

    public StatsSnapshot Snapshot()
    {
        lock (_gate)
        {
            var hosts = _hosts
                .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .Select(h => new HostStats(h.Key, h.Value.Requests, h.Value.Failed, h.Value.Bytes,
                    new SortedDictionary<int, long>(h.Value.StatusCodes), new SortedDictionary<string, long>(h.Value.Errors, StringComparer.Ordinal)))
                .ToArray();
            return new StatsSnapshot(_done, _done - _failed, _failed, _queued, _inFlight, _bytes,
                _frozenElapsed ?? _timeProvider.GetElapsedTime(_started),
                new SortedDictionary<int, long>(_statusCodes), new SortedDictionary<string, long>(_errors, StringComparer.Ordinal), hosts)
            {
                Resumed = _resumed,
            };
        }
    }

    // HTTP errors are already counted by status; the error table groups the rest by kind.
    private static string ErrorKey(FetchError error)
        => error.Kind == FetchFailureKind.HttpStatus && error.StatusCode is { } code ? $"HTTP {code}" : error.Kind.ToString();

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull
        => counts[key] = counts.GetValueOrDefault(key) + 1;

    private sealed class HostCounter
    {
        public long Requests { get; set; }

        public long Failed { get; set; }

        public long Bytes { get; set; }

        public Dictionary<int, long> StatusCodes { get; } = [];

        public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);
    }
}
