using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// What a sitemap lists. <paramref name="Truncated"/> when the entry cap cut it short; <paramref name="Skipped"/>
/// counts locations that were not http(s) URLs; <paramref name="Error"/> says why parsing stopped early on malformed
/// XML (the locations read before it are kept: a crawler takes what it can).
/// </summary>
public sealed record Sitemap(SitemapKind Kind, IReadOnlyList<Url> Locations, bool Truncated, int Skipped, string? Error);
