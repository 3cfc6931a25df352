using System.Collections.Concurrent;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Per-host connection cap and spacing between request starts. Lives outside the fetcher instance so a fetcher
/// restart keeps the host's slots and clock (requests still running from the old instance hold their slot).
/// </summary>
public sealed class HostPoliteness
{
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _perHost;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _timeProvider;

    public HostPoliteness(int perHost, TimeSpan delay, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perHost, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _perHost = perHost;
        _delay = delay;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Waits for a free connection slot to <paramref name="host"/> and for its delay (the larger of the configured one
    /// and <paramref name="minimumDelay"/>, robots.txt's Crawl-delay); dispose the lease to free the slot.
    /// </summary>
    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellationToken, TimeSpan? minimumDelay = null)
    {
        var delay = minimumDelay is { } asked && asked > _delay ? asked : _delay;
        var gate = _gates.GetOrAdd(host, _ => new HostGate(_perHost));
        await gate.Slots.WaitAsync(cancellationToken);
        try
        {
            if (delay > TimeSpan.Zero)
            {
                var wait = gate.ReserveStart(_timeProvider, delay);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, cancellationToken);
                }
            }
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }

        return new Lease(gate.Slots);
    }

    private sealed class HostGate(int perHost)
    {
        private readonly Lock _clock = new();
        private long _nextStart;

        public SemaphoreSlim Slots { get; } = new(perHost, perHost);

        // Reserves the next start time under the lock so concurrent waiters are spaced by the delay, not bunched.
        public TimeSpan ReserveStart(TimeProvider time, TimeSpan delay)
        {
            lock (_clock)
            {
                var now = time.GetTimestamp();
                var start = Math.Max(now, _nextStart);
                _nextStart = start + (long)(delay.TotalSeconds * time.TimestampFrequency);
                return TimeSpan.FromSeconds((start - now) / (double)time.TimestampFrequency);
            }
        }
    }

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
