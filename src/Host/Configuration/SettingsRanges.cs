using System.Globalization;
using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Host.Configuration.Hocon;

namespace Crawler.Host.Configuration;

/// <summary>
/// Refuses bound values outside the range their consumer accepts, naming the key and where it was set, so a bad
/// value fails at load (exit 6, and in <c>crawler config</c>) instead of deep inside a crawl. A key missing from the
/// tree (a test's own reference text) is not checked: there is no value to blame.
/// </summary>
internal static class SettingsRanges
{
    public const string MaxNameBytesPath = "crawler.crawl.mirror.max-name-bytes";
    public const string MaxCollisionSuffixPath = "crawler.crawl.mirror.max-collision-suffix";

    public static void Check(HoconObject tree, CrawlerSettings settings)
    {
        var crawl = settings.Crawl;
        AtLeast(tree, MaxCollisionSuffixPath, crawl.Mirror.MaxCollisionSuffix, 1);
        var upper = MirrorOptions.MaxNameBytesLimit(crawl.Mirror.MaxCollisionSuffix);
        if (Present(tree, MaxNameBytesPath) && (crawl.Mirror.MaxNameBytes < MirrorLimits.MinSegmentBytes || crawl.Mirror.MaxNameBytes > upper))
        {
            throw new HoconException(
                Origin(tree, MaxNameBytesPath),
                $"{MaxNameBytesPath} = {crawl.Mirror.MaxNameBytes} is out of range {MirrorLimits.MinSegmentBytes} to {upper}: a shortened name needs " +
                $"{MirrorLimits.MinSegmentBytes} bytes for its \"~hash.ext\" suffix, and with a \"~{crawl.Mirror.MaxCollisionSuffix}\" collision suffix " +
                $"a name must stay within {MirrorLimits.FileSystemNameBytes} bytes");
        }

        Between(tree, "crawler.crawl.max-parsed-bytes", crawl.MaxParsedBytes, 1, DocumentReader.MaxParsedBytesLimit);
        AtLeast(tree, "crawler.crawl.robots.max-bytes", crawl.Robots.MaxBytes, 1);
        if (Present(tree, "crawler.crawl.robots.max-crawl-delay") && crawl.Robots.MaxCrawlDelay < TimeSpan.Zero)
        {
            throw new HoconException(Origin(tree, "crawler.crawl.robots.max-crawl-delay"), "crawler.crawl.robots.max-crawl-delay must not be negative");
        }

        AtLeast(tree, "crawler.crawl.sitemap.max-urls", crawl.Sitemap.MaxUrls, 1);
        AtLeast(tree, "crawler.crawl.sitemap.max-chars", crawl.Sitemap.MaxChars, 1);
        AtLeast(tree, "crawler.crawl.sitemap.max-files", crawl.Sitemap.MaxFiles, 1);
    }

    private static void AtLeast(HoconObject tree, string path, long value, long minimum)
    {
        if (Present(tree, path) && value < minimum)
        {
            throw new HoconException(Origin(tree, path), string.Create(CultureInfo.InvariantCulture, $"{path} = {value} must be at least {minimum}"));
        }
    }

    private static void Between(HoconObject tree, string path, long value, long minimum, long maximum)
    {
        if (Present(tree, path) && (value < minimum || value > maximum))
        {
            throw new HoconException(Origin(tree, path), string.Create(CultureInfo.InvariantCulture, $"{path} = {value} is out of range {minimum} to {maximum}"));
        }
    }

    private static bool Present(HoconObject tree, string path) => tree.HasPath(path);

    private static HoconOrigin Origin(HoconObject tree, string path) => tree.GetValue(path)?.Origin ?? new HoconOrigin("configuration", 0);
}
