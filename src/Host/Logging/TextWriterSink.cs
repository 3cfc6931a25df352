using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Crawler.Host.Logging;

/// <summary>Writes events to any <see cref="TextWriter"/>, so tests capture logs; Serilog 3.1 ships no such sink.</summary>
internal sealed class TextWriterSink(TextWriter writer, string outputTemplate) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new MessageTemplateTextFormatter(outputTemplate, CultureInfo.InvariantCulture);
    private readonly Lock _lock = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
