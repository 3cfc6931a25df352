using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Sinks.SystemConsole.Themes;

namespace Crawler.Host.Logging;

/// <summary>
/// Builds the Serilog pipeline: every event goes to stderr so stdout stays clean for results and pipes.
/// </summary>
public static class LogSetup
{
    private const string OutputTemplate = "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <param name="level">The minimum level, usually from <see cref="LogLevels.Resolve"/>.</param>
    /// <param name="useColor">ANSI colours; see <see cref="LogLevels.UseColor"/>.</param>
    /// <param name="writer">Where to write; null means the real stderr through the console sink.</param>
    public static ILoggerFactory CreateLoggerFactory(LogEventLevel level, bool useColor, TextWriter? writer = null)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Is(level);
        var logger = writer is null
            ? configuration.WriteTo.Console(
                outputTemplate: OutputTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                standardErrorFromLevel: LogEventLevel.Verbose,
                theme: useColor ? AnsiConsoleTheme.Code : ConsoleTheme.None).CreateLogger()
            : configuration.WriteTo.Sink(new TextWriterSink(writer, OutputTemplate)).CreateLogger();
        return new SerilogLoggerFactory(logger, dispose: true);
    }
}
