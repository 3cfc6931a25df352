namespace Crawler.Host.Cli;

/// <summary>The values of the options every subcommand accepts.</summary>
/// <param name="Verbosity">How many times <c>-v</c> was given: 1 = debug, 2 or more = verbose.</param>
/// <param name="ConfigFiles">Each <c>--config FILE</c>, in command-line order (later files win).</param>
/// <param name="Overrides">Each <c>--set PATH=VALUE</c>, in command-line order.</param>
/// <param name="LogLevel">The <c>--log-level</c> given, or null.</param>
public sealed record GlobalSettings(
    int Verbosity,
    bool Quiet,
    IReadOnlyList<string> ConfigFiles,
    IReadOnlyList<string> Overrides,
    bool Json,
    bool NoColor,
    string? LogLevel = null);
