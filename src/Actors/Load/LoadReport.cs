namespace Crawler.Actors.Load;

/// <summary>The outcome of one load run, rendered by Host as text, JSON or HTML.</summary>
public sealed record LoadReport
{
    public required string Target { get; init; }

    public required LoadModel Model { get; init; }

    public required int Connections { get; init; }

    /// <summary>Target rate of the open model, requests per second; null for the closed and page models.</summary>
    public double? Rate { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Measured operations: requests in the closed and open models, complete pages in page mode.</summary>
    public required long Operations { get; init; }

    /// <summary>HTTP responses received, whatever their status.</summary>
    public required long Requests { get; init; }

    /// <summary>Response bytes read from the wire (head and body).</summary>
    public required long Bytes { get; init; }

    /// <summary>Latency of each operation; in the open model, counted from its scheduled time (coordinated omission corrected).</summary>
    public required LatencyHistogram Latency { get; init; }

    /// <summary>Open model only: latency counted from the actual send, as a closed-loop tool would report it.</summary>
    public LatencyHistogram? Uncorrected { get; init; }

    public required IReadOnlyDictionary<LoadErrorKind, long> Errors { get; init; }

    public required IReadOnlyDictionary<int, long> StatusCodes { get; init; }

    public required IReadOnlyList<LoadSecond> Series { get; init; }

    public long ConnectionsOpened { get; init; }

    /// <summary>Why the run could not take place (unresolvable host, nothing could connect, page not fetched); null when it ran.</summary>
    public string? Failure { get; init; }

    /// <summary>Requisite URLs each page iteration fetched after the page itself (page mode only).</summary>
    public IReadOnlyList<string> Requisites { get; init; } = [];

    public double OperationsPerSecond => Elapsed > TimeSpan.Zero ? Operations / Elapsed.TotalSeconds : 0;

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

    public double BytesPerSecond => Elapsed > TimeSpan.Zero ? Bytes / Elapsed.TotalSeconds : 0;

    public long TotalErrors => Errors.Values.Sum();

    /// <summary>The percentiles every renderer shows, wrk's set plus p75.</summary>
    public static IReadOnlyList<double> ReportedPercentiles { get; } = [50, 75, 90, 99, 99.9, 99.99, 100];
}
