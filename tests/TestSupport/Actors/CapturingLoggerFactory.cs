using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Crawler.TestSupport.Actors;

/// <summary>An <see cref="ILoggerFactory"/> that keeps every entry, so tests can assert on what was logged.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentDictionary<string, byte> _categories = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>Every category a logger was created for, so a test can show a component logs through this factory.</summary>
    public ICollection<string> Categories => _categories.Keys;

    public ILogger CreateLogger(string categoryName)
    {
        _categories.TryAdd(categoryName, 0);
        return new CapturingLogger(categoryName, _entries);
    }

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, eventId, category, formatter(state, exception), exception));
    }
}
