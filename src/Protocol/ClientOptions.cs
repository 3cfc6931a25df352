namespace Crawler.Protocol;

// STUB (skeleton): the knobs of the protocol layer. Every one is surfaced in hocon/reference.conf
// under crawler.http.*; the values here are the defaults.
/// <summary>Settings for <see cref="CrawlerClient"/>.</summary>
public sealed record ClientOptions
{
    public string UserAgent { get; init; } = "crawler/0.1";

    public int MaxRedirects { get; init; } = 10;

    public int MaxConnectionsPerOrigin { get; init; } = 6;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstByteTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Turns TLS certificate validation off (the CLI's --insecure).</summary>
    public bool Insecure { get; init; }
}
