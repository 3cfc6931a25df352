using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// A URL waiting to be fetched: its link distance from a seed (seeds are 0; every link, page or requisite, adds 1),
/// why it is wanted, and who referred to it (null for seeds). A value, not an object: the supervisor makes one for
/// every link it offers the frontier, and most are duplicates that go no further.
/// </summary>
public readonly record struct CrawlEntry(Url Url, int Depth, LinkKind Kind, Url? Referrer)
{
    /// <summary>Redirects that led here (a redirect's target keeps its source's depth; the hops are bounded instead).</summary>
    public int RedirectHops { get; init; }
}
