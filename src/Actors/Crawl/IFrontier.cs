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

    /// <summary>
    /// Admits <paramref name="entry"/> (its URL normalised, fragment dropped) unless a rule refuses it. A URL admitted
    /// before is a duplicate; if it is still queued at a greater depth, it moves up to this one.
    /// </summary>
    AddResult TryAdd(CrawlEntry entry);

    /// <summary>The shallowest depth of any entry queued; <see cref="int.MaxValue"/> when none is.</summary>
    int ShallowestPendingDepth { get; }

    /// <summary>
    /// The next entry no deeper than <paramref name="deepest"/>: requisites first, shallowest first; then pages of the
    /// shallowest queued depth and, when <paramref name="deepest"/> allows, of the next depth, in turns. The caller
    /// sets <paramref name="deepest"/> to one below the shallowest depth still queued, fetching or being parsed: a
    /// URL is then fetched only once every page that could link to it from a shallower depth has been parsed, and a
    /// queued URL offered again at a shallower depth moves up, so each is fetched at its shortest link distance.
    /// </summary>
    bool TryTake(int deepest, out CrawlEntry entry);

    /// <summary>Puts back an entry that was taken but not fetched (its fetcher crashed); not counted as new.</summary>
    void Requeue(CrawlEntry entry);
}
