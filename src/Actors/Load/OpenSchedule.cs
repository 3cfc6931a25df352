namespace Crawler.Actors.Load;

/// <summary>
/// The open-model (wrk2/vegeta) timetable: request <c>i</c> is due at <c>start + i / rate</c>, whatever
/// happened to earlier requests. Connection <c>k</c> of <c>n</c> owns slots <c>k, k + n, k + 2n…</c>, so the
/// global rate is exact and each connection runs at <c>rate / n</c>, staggered. Latency measured from
/// <see cref="DueTimestamp"/> includes the time a request waited behind a slow one (coordinated omission
/// corrected); latency from the actual send does not.
/// </summary>
/// <remarks>Timestamps are <see cref="TimeProvider.GetTimestamp"/> ticks of the provider the run uses.</remarks>
public readonly record struct OpenSchedule
{
    public OpenSchedule(long startTimestamp, double requestsPerSecond, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        StartTimestamp = startTimestamp;
        RequestsPerSecond = requestsPerSecond;
        TicksPerRequest = timestampFrequency / requestsPerSecond;
    }

    public long StartTimestamp { get; }

    public double RequestsPerSecond { get; }

    /// <summary>Timestamp ticks between two consecutive slots (fractional: 3 req/s is not a whole number of ticks).</summary>
    public double TicksPerRequest { get; }

    /// <summary>When slot <paramref name="index"/> is due. Computed from the start each time, so rounding never accumulates.</summary>
    public long DueTimestamp(long index) => StartTimestamp + (long)Math.Round(index * TicksPerRequest);

    /// <summary>How many slots fall strictly before <paramref name="elapsedTicks"/> after the start: the requests a run of that length sends.</summary>
    public long SlotsWithin(long elapsedTicks)
        => elapsedTicks <= 0 ? 0 : (long)Math.Ceiling((elapsedTicks / TicksPerRequest) - 1e-9);
}
