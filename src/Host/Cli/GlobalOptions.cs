using System.CommandLine;

namespace Crawler.Host.Cli;

/// <summary>
/// The options of the root command. They are recursive, so <c>crawler --json config</c> and
/// <c>crawler config --json</c> mean the same.
/// </summary>
internal sealed class GlobalOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "More log output on stderr: -v for debug, -vv for everything.",
        Arity = ArgumentArity.Zero,
        Recursive = true,
    };

    public Option<string?> LogLevel { get; } = CreateLogLevel();

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Log errors only.",
        Arity = ArgumentArity.Zero,
        Recursive = true,
    };

    public Option<string[]> Config { get; } = new("--config")
    {
        Description = "Read settings from a HOCON file; repeat to layer several (later files win).",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override one setting, e.g. --set crawler.http.max-redirects=5; repeatable.",
        HelpName = "PATH=VALUE",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write results to stdout as JSON instead of text.",
        Arity = ArgumentArity.Zero,
        Recursive = true,
    };

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "No ANSI colours (also when NO_COLOR is set or stderr is not a terminal).",
        Arity = ArgumentArity.Zero,
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(Verbose);
        root.Add(Quiet);
        root.Add(LogLevel);
        root.Add(Config);
        root.Add(Set);
        root.Add(Json);
        root.Add(NoColor);
    }

    public GlobalSettings Read(ParseResult result) => new(
        Verbosity: result.GetResult(Verbose)?.IdentifierTokenCount ?? 0,
        Quiet: result.GetValue(Quiet),
        ConfigFiles: result.GetValue(Config) ?? [],
        Overrides: result.GetValue(Set) ?? [],
        Json: result.GetValue(Json),
        NoColor: result.GetValue(NoColor),
        LogLevel: result.GetValue(LogLevel));

    private static Option<string?> CreateLogLevel()
    {
        var option = new Option<string?>("--log-level")
        {
            Description = "Log level on stderr, instead of counting -v: verbose, debug, information, warning, error or fatal.",
            HelpName = "LEVEL",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("verbose", "debug", "information", "warning", "error", "fatal");
        return option;
    }
}
