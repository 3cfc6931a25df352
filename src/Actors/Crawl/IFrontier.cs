namespace Crawler.Actors.Crawl;

/// <summary>
/// The set of URLs still to fetch and of URLs already admitted. Behind an interface because a persistent frontier
/// (for resume) and a shared one (for several crawl nodes) come later. Implementations need not be thread-safe:
/// one crawl supervisor actor owns the frontier.
/// </summary>
public interface IFrontier
{
    /// <summary>Entries queued and not yet taken.</summary>
    int PendingCount { get; }

    /// <summary>Distinct normalised URLs admitted so far, pages and requisites.</summary>
    int AdmittedCount { get; }

    /// <summary>Pages admitted so far: what max-pages counts.</summary>
    int AdmittedPages { get; }

    /// <summary>Admits <paramref name="entry"/> (its URL normalised, fragment dropped) unless a rule refuses it.</summary>
    AddResult TryAdd(CrawlEntry entry);

    /// <summary>The next entry to fetch: requisites of fetched pages first, then pages breadth-first by depth.</summary>
    bool TryTake(out CrawlEntry entry);

    /// <summary>Puts back an entry that was taken but not fetched (its fetcher crashed); not counted as new.</summary>
    void Requeue(CrawlEntry entry);
}
