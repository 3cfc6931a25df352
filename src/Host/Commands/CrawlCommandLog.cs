using Microsoft.Extensions.Logging;

namespace Crawler.Host.Commands;

internal static partial class CrawlCommandLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "No URL given: crawling the bundled sample site at {Url} into {Output}")]
    public static partial void SampleSite(ILogger logger, Uri url, string output);
}
