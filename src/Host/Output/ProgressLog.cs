using Microsoft.Extensions.Logging;

namespace Crawler.Host.Output;

internal static partial class ProgressLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information,
        Message = "{Title}: done {Done}, queued {Queued}, in flight {InFlight}, {Rate:0.0}/s, {Bytes} bytes, errors {Errors}")]
    public static partial void Progress(ILogger logger, string title, long done, int queued, int inFlight, double rate, long bytes, long errors);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Stopping: letting {InFlight} requests in flight finish")]
    public static partial void Stopping(ILogger logger, int inFlight);
}
