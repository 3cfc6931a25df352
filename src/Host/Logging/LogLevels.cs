using Crawler.Host.Cli;
using Serilog.Events;

namespace Crawler.Host.Logging;

/// <summary>How the command line, the environment and <c>crawler.log.level</c> pick the log level and colours.</summary>
public static class LogLevels
{
    /// <summary>The value of <c>crawler.log.level</c> that lets each command choose its own default.</summary>
    public const string Auto = "auto";

    /// <summary>
    /// <c>-q</c> beats everything (errors only); then <c>--log-level</c>; then <c>-v</c> (debug) and <c>-vv</c> (verbose); then
    /// <c>crawler.log.level</c> unless it is <c>auto</c>; then the command's own default.
    /// </summary>
    public static LogEventLevel Resolve(GlobalSettings global, string? configuredLevel, LogEventLevel commandDefault)
    {
        ArgumentNullException.ThrowIfNull(global);
        if (global.Quiet)
        {
            return LogEventLevel.Error;
        }

        if (global.LogLevel is { } explicitLevel)
        {
            return Parse(explicitLevel);
        }

        if (global.Verbosity >= 2)
        {
            return LogEventLevel.Verbose;
        }

        if (global.Verbosity == 1)
        {
            return LogEventLevel.Debug;
        }

        if (string.IsNullOrWhiteSpace(configuredLevel) || string.Equals(configuredLevel, Auto, StringComparison.OrdinalIgnoreCase))
        {
            return commandDefault;
        }

        return Parse(configuredLevel);
    }

    public static LogEventLevel Parse(string level) => level.Trim().ToUpperInvariant() switch
    {
        "VERBOSE" or "TRACE" => LogEventLevel.Verbose,
        "DEBUG" => LogEventLevel.Debug,
        "INFORMATION" or "INFO" => LogEventLevel.Information,
        "WARNING" or "WARN" => LogEventLevel.Warning,
        "ERROR" => LogEventLevel.Error,
        "FATAL" => LogEventLevel.Fatal,
        _ => throw new CommandException(
            Output.ExitCodes.LocalError,
            $"crawler.log.level is '{level}'; expected auto, verbose, debug, information, warning, error or fatal"),
    };

    /// <summary>
    /// Colours only when nobody said no: not <c>--no-color</c>, no <c>NO_COLOR</c> with any value (even empty),
    /// and stderr is a terminal.
    /// </summary>
    public static bool UseColor(GlobalSettings global, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(environment);
        return !global.NoColor
            && !environment.Variables.ContainsKey("NO_COLOR")
            && !environment.IsErrorRedirected;
    }
}
