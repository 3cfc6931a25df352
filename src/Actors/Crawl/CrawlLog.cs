using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Crawl;

internal static partial class CrawlLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Result for {Url}, which was not in flight")]
    public static partial void LogUnexpectedResult(this ILogger logger, string url);
}
