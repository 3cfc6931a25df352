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
    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaximumBreakerWindow = TimeSpan.FromDays(1);

    public const string MaxNameBytesPath = "crawler.crawl.mirror.max-name-bytes";
    public const string MaxCollisionSuffixPath = "crawler.crawl.mirror.max-collision-suffix";

    public static void Check(HoconObject tree, CrawlerSettings settings)
    {
        var crawl = settings.Crawl;
        AtLeast(tree, "crawler.http.max-redirects", settings.Http.MaxRedirects, 0);
        AtLeast(tree, "crawler.crawl.concurrency", crawl.Concurrency, 1);
        AtLeast(tree, "crawler.crawl.per-host", crawl.PerHost, 1);
        AtLeast(tree, "crawler.crawl.fetchers", crawl.Fetchers, 0);
        AtLeast(tree, "crawler.crawl.parsers", crawl.Parsers, 0);
        AtLeast(tree, "crawler.crawl.max-crashes-per-url", crawl.MaxCrashesPerUrl, 1);
        AtLeast(tree, "crawler.crawl.depth", crawl.Depth, 0);
        AtLeast(tree, "crawler.crawl.max-pages", crawl.MaxPages, 0);
        NotNegative(tree, "crawler.crawl.delay", crawl.Delay);
        AtLeast(tree, "crawler.warm.repeat", settings.Warm.Repeat, 1);
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
        NotNegative(tree, "crawler.crawl.robots.max-crawl-delay", crawl.Robots.MaxCrawlDelay);

        AtLeast(tree, "crawler.crawl.retries", crawl.Retries, 0);
        NotNegative(tree, "crawler.crawl.retry-backoff", crawl.RetryBackoff);
        NotNegative(tree, "crawler.crawl.retry-max-backoff", crawl.RetryMaxBackoff);
        CheckBreaker(tree, crawl.CircuitBreaker);
        AtLeast(tree, "crawler.crawl.sitemap.max-urls", crawl.Sitemap.MaxUrls, 1);
        AtLeast(tree, "crawler.crawl.sitemap.max-chars", crawl.Sitemap.MaxChars, 1);
        AtLeast(tree, "crawler.crawl.sitemap.max-files", crawl.Sitemap.MaxFiles, 1);

        // crawler.load.* is checked by the load command itself, as a usage error (exit 2) like its other options.
    }

    // Polly's own bounds (it would refuse the pipeline on the first fetch instead): a ratio in (0, 1], at least two
    // fetches sampled, windows from half a second to a day.
    private static void CheckBreaker(HoconObject tree, CircuitBreakerSettings breaker)
    {
        const string Path = "crawler.crawl.circuit-breaker.";
        if (Present(tree, Path + "failure-ratio") && breaker.FailureRatio is not (> 0 and <= 1))
        {
            throw new HoconException(Origin(tree, Path + "failure-ratio"),
                string.Create(CultureInfo.InvariantCulture, $"{Path}failure-ratio = {breaker.FailureRatio} must be above 0 and at most 1"));
        }

        AtLeast(tree, Path + "minimum-throughput", breaker.MinimumThroughput, 2);
        Between(tree, Path + "sampling-duration", breaker.SamplingDuration, MinimumBreakerWindow, MaximumBreakerWindow);
        Between(tree, Path + "break-duration", breaker.BreakDuration, MinimumBreakerWindow, MaximumBreakerWindow);
    }

    private static void NotNegative(HoconObject tree, string path, TimeSpan value)
    {
        if (Present(tree, path) && value < TimeSpan.Zero)
        {
            throw new HoconException(Origin(tree, path), $"{path} must not be negative");
        }
    }

    private static void Between(HoconObject tree, string path, TimeSpan value, TimeSpan minimum, TimeSpan maximum)
    {
        if (Present(tree, path) && (value < minimum || value > maximum))
        {
            throw new HoconException(Origin(tree, path), string.Create(CultureInfo.InvariantCulture, $"{path} = {Duration(value)} is out of range {Duration(minimum)} to {Duration(maximum)}"));
        }
    }

    // In the units one writes in HOCON: the largest whole one.
    private static string Duration(TimeSpan value) => value switch
    {
        { Ticks: 0 } => "0",
        _ when value.Ticks % TimeSpan.TicksPerDay == 0 => string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / TimeSpan.TicksPerDay}d"),
        _ when value.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / TimeSpan.TicksPerHour}h"),
        _ when value.Ticks % TimeSpan.TicksPerMinute == 0 => string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / TimeSpan.TicksPerMinute}m"),
        _ when value.Ticks % TimeSpan.TicksPerSecond == 0 => string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / TimeSpan.TicksPerSecond}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds}ms"),
    };

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
