using Crawler.Actors.Warm;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>
/// How one URL ended: the unit the stats count, the JSON report writes (status, bytes, time, error, referrer,
/// depth) and the warm table shows. Exactly one per URL taken from the frontier.
/// </summary>
public sealed record UrlOutcome(Url Url, int Depth, Url? Referrer)
{
    public int? StatusCode { get; init; }

    /// <summary>Body bytes received (decoded).</summary>
    public long Bytes { get; init; }

    /// <summary>From sending the first attempt to the end of the body, retries included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Null when the fetch succeeded (2xx, a redirect whose target was queued, or a 304 the client handled).</summary>
    public FetchError? Error { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The mirror file written, relative to the output folder; null when nothing was saved.</summary>
    public string? SavedPath { get; init; }

    /// <summary>
    /// Where this URL redirects (its Location, resolved); null for anything but a 3xx redirect. The supervisor queues
    /// the target as a URL of its own rather than the fetcher following it, so a document reached both directly and
    /// through redirects is fetched and saved once, and each hop is an outcome of its own.
    /// </summary>
    public Url? RedirectTarget { get; init; }

    /// <summary>Requests sent for this URL, retries included (0 when refused before sending).</summary>
    public int Attempts { get; init; } = 1;

    public bool IsRequisite { get; init; }

    public CacheStatus Cache { get; init; }

    /// <summary>
    /// Taken from an earlier run's journal (crawl --continue) instead of fetched: the saved file was read back from
    /// the mirror, or the recorded answer stands.
    /// </summary>
    public bool Resumed { get; init; }

    public bool IsSuccess => Error is null;

    public string Host => Url.Authority;
}
