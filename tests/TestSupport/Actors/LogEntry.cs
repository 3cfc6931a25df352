using Microsoft.Extensions.Logging;

namespace Crawler.TestSupport.Actors;

public sealed record LogEntry(LogLevel Level, EventId EventId, string Category, string Message, Exception? Exception);
