namespace Crawler.Actors.Crawl;

/// <summary>Limits of a crawl frontier (crawler.crawl.max-depth, crawler.crawl.max-pages).</summary>
public sealed record FrontierOptions
{
    /// <summary>
    /// How far a requisite may go past <see cref="MaxDepth"/>: a page at the limit still gets its stylesheet (+1), the
    /// stylesheet's @import (+2) and that one's fonts and images (+3), as wget -p renders the last level fully. Deeper
    /// chains are cut, so that iframes of iframes cannot walk a whole site past the limit.
    /// </summary>
    public const int RequisiteDepthAllowance = 3;

    /// <summary>Pages at a link distance above this are not fetched; null for no limit. Seeds are depth 0.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Pages admitted at most (seeds included); requisites of admitted pages do not count. Null for no limit.</summary>
    public int? MaxPages { get; init; }

    /// <summary>From the settings crawler.crawl.depth and crawler.crawl.max-pages, where max-pages 0 means unlimited.</summary>
    public static FrontierOptions FromSettings(int depth, int maxPages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPages);
        return new FrontierOptions { MaxDepth = depth, MaxPages = maxPages == 0 ? null : maxPages };
    }
}
