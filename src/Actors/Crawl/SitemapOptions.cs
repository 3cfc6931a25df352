namespace Crawler.Actors.Crawl;

/// <summary>Caps of sitemap loading for --sitemap (crawler.crawl.sitemap.* in reference.conf).</summary>
public sealed record SitemapOptions
{
    /// <summary>
    /// A sitemap index may point at many sitemaps; reading the first few is enough to seed a crawl, and bounds the
    /// work. Counts every sitemap file read in one crawl, each seed's /sitemap.xml included.
    /// </summary>
    public const int DefaultMaxFiles = 16;

    /// <summary>Locations taken from one sitemap file; the rest are ignored and the cut is logged.</summary>
    public int MaxUrls { get; init; } = SitemapParser.DefaultMaxEntries;

    /// <summary>Characters read from one sitemap file (after decompression); past it the file counts as broken, keeping what came before.</summary>
    public long MaxChars { get; init; } = SitemapParser.DefaultMaxDocumentChars;

    /// <summary>Sitemap files read in one crawl; the rest are skipped and the cut is logged.</summary>
    public int MaxFiles { get; init; } = DefaultMaxFiles;
}
