using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Crawl;

internal static partial class CrawlLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Result for {Url}, which was not in flight")]
    public static partial void LogUnexpectedResult(this ILogger logger, string url);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Sitemap {Url} lists more than {MaxUrls} URLs (crawler.crawl.sitemap.max-urls); the rest are ignored")]
    public static partial void LogSitemapTruncated(this ILogger logger, string url, int maxUrls);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Sitemap {Url} was read only in part: {Error}")]
    public static partial void LogSitemapBroken(this ILogger logger, string url, string error);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "{Skipped} sitemaps not read: more than {MaxFiles} in one crawl (crawler.crawl.sitemap.max-files)")]
    public static partial void LogSitemapFilesCapped(this ILogger logger, int skipped, int maxFiles);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Continuing the crawl journalled in {Folder}: {Count} URLs finished before ({Unreadable} unreadable journal lines skipped)")]
    public static partial void LogContinuing(this ILogger logger, int count, string folder, int unreadable);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "{Folder} holds the journal of an earlier crawl; starting afresh and replacing it (--continue would have carried on from it)")]
    public static partial void LogStartingAfresh(this ILogger logger, string folder);
}
