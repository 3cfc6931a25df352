using Crawler.Actors.Runtime.Routing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>Fetch one URL. Routed by host, so one fetcher keeps each host's politeness.</summary>
public sealed record FetchUrl(Url Url, int Depth, Url? Referrer, bool IsRequisite) : IConsistentHashable
{
    /// <summary>Times this URL was handed back after a fetcher crash; the supervisor gives up past its budget.</summary>
    public int Crashes { get; init; }

    /// <summary>Redirects that led here from the URL a link named (0 for a linked URL); bounded by the crawl's limit.</summary>
    public int RedirectHops { get; init; }

    /// <summary>
    /// This URL's outcome in an earlier run's journal (crawl --continue): replayed instead of fetched, the saved
    /// document read back from the mirror (see <see cref="FetchWork"/>).
    /// </summary>
    public UrlOutcome? Earlier { get; init; }

    /// <summary>host[:port]: the routing key, so one host always lands on the same fetcher.</summary>
    public string Host => Url.Authority;

    object IConsistentHashable.HashKey => Host;
}

/// <summary>Fetcher to supervisor: the URL is done (success or a recorded failure).</summary>
public sealed record FetchCompleted(UrlOutcome Outcome, bool AwaitingParse)
{
    /// <summary>For the crawl's warnings: e.g. the document was saved but, past crawler.crawl.max-parsed-bytes, not parsed for links.</summary>
    public string? Warning { get; init; }
}

/// <summary>Fetcher to supervisor: robots.txt forbids this URL; it was not requested.</summary>
public sealed record FetchSkipped(FetchUrl Job, string Reason);

/// <summary>A crashed fetcher hands back the URL it held (from PreRestart) so it is fetched again, never lost.</summary>
public sealed record FetchFailed(FetchUrl Job, FetchError Error);
