using Crawler.Protocol.Urls;

namespace Crawler.Actors.Load;

/// <summary>What `crawler load` was asked to do. Validated by <see cref="Validate"/> before a run starts.</summary>
public sealed record LoadOptions
{
    // A browser opens at most 6 connections per host (HTML living standard practice, RFC 9112 §9.4 advice).
    public const int PageConnectionsPerHost = 6;

    // Far above what one client machine can drive; a typo like -c 640000 is refused instead of exhausting ports.
    public const int MaxConnections = 10_000;

    public required Url Target { get; init; }

    /// <summary>Keep-alive connections (closed and open models) or virtual users (page mode).</summary>
    public int Connections { get; init; } = 64;

    /// <summary>How long to send; ignored when <see cref="Requests"/> is set.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Total requests (pages in page mode) instead of a duration.</summary>
    public long? Requests { get; init; }

    /// <summary>Open model: requests per second on a fixed schedule; null or 0 for the closed model.</summary>
    public double? Rate { get; init; }

    public bool Page { get; init; }

    /// <summary>Per request (and per connect): past it the request counts as a timeout and the connection is replaced.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Accept any TLS certificate (self-signed test servers).</summary>
    public bool Insecure { get; init; }

    public LoadModel Model => Page ? LoadModel.Page : Rate is > 0 ? LoadModel.Open : LoadModel.Closed;

    /// <summary>Null when the options make sense, otherwise why not.</summary>
    public string? Validate()
    {
        if (!Target.IsHttp)
        {
            return $"load needs an http or https URL, not {Target.Scheme}:";
        }

        if (Connections is < 1 or > MaxConnections)
        {
            return $"connections must be 1..{MaxConnections}, got {Connections}";
        }

        if (Requests is < 1)
        {
            return $"requests must be at least 1, got {Requests}";
        }

        if (Requests is null && Duration <= TimeSpan.Zero)
        {
            return $"duration must be positive, got {Duration}";
        }

        if (Rate is < 0 || (Rate is { } r && double.IsNaN(r)))
        {
            return $"rate must be positive, got {Rate}";
        }

        if (Page && Rate is > 0)
        {
            return "--page and --rate cannot be combined: page mode is a closed loop of virtual users";
        }

        return Timeout <= TimeSpan.Zero ? $"timeout must be positive, got {Timeout}" : null;
    }
}
