using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Runtime;

internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "actor {Path} failed on {MessageType}")]
    public static partial void ActorFailed(ILogger logger, Exception exception, string path, string messageType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "dead letter {MessageType} from {Sender} to {Recipient} ({Count} so far)")]
    public static partial void DeadLetter(ILogger logger, string messageType, string sender, string recipient, long count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Count} dead letters logged; further ones are only counted")]
    public static partial void DeadLettersMuted(ILogger logger, long count);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "failure of {Path} escalated to the user guardian; stopping that subtree")]
    public static partial void EscalatedToGuardian(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "actor {Path} threw in {Hook}")]
    public static partial void HookFailed(ILogger logger, Exception exception, string path, string hook);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "actor system {Name} did not stop within {TimeoutMs} ms; abandoning what is still running")]
    public static partial void TerminateTimedOut(ILogger logger, string name, double timeoutMs);
}
