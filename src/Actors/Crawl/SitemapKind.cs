namespace Crawler.Actors.Crawl;

public enum SitemapKind
{
    /// <summary>&lt;urlset&gt;: page URLs.</summary>
    UrlSet,

    /// <summary>&lt;sitemapindex&gt;: URLs of further sitemaps.</summary>
    Index,

    /// <summary>A plain-text sitemap: one URL per line.</summary>
    Text,
}
