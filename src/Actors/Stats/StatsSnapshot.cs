namespace Crawler.Actors.Stats;

/// <summary>An immutable view of the counts, taken for the progress display and the final report.</summary>
public sealed record StatsSnapshot(
    long Done,
    long Succeeded,
    long Failed,
    int Queued,
    int InFlight,
    long Bytes,
    TimeSpan Elapsed,
    IReadOnlyDictionary<int, long> StatusCodes,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyList<HostStats> Hosts)
{
    public static StatsSnapshot Empty { get; } = new(0, 0, 0, 0, 0, 0, TimeSpan.Zero,
        new Dictionary<int, long>(), new Dictionary<string, long>(), []);

    /// <summary>URLs of <see cref="Done"/> taken from an earlier run's journal (crawl --continue) instead of fetched.</summary>
    public long Resumed { get; init; }

    /// <summary>URLs finished per second since the start.</summary>
    public double UrlsPerSecond => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : 0;

    public double BytesPerSecond => Elapsed > TimeSpan.Zero ? Bytes / Elapsed.TotalSeconds : 0;
}
