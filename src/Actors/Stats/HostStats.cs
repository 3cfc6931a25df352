namespace Crawler.Actors.Stats;

/// <summary>Counts for one host (host[:port]) at the time of a snapshot.</summary>
public sealed record HostStats(
    string Host,
    long Requests,
    long Failed,
    long Bytes,
    IReadOnlyDictionary<int, long> StatusCodes,
    IReadOnlyDictionary<string, long> Errors);
