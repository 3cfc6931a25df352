using Crawler.Host.Cli;
using Crawler.Host.Logging;
using Serilog.Events;

namespace Crawler.Host.Tests.Cli;

public sealed class LogLevelsTests
{
    private static GlobalSettings Global(int verbosity = 0, bool quiet = false, bool noColor = false)
        => new(verbosity, quiet, [], [], Json: false, noColor);

    [Theory]
    [InlineData(0, false, "auto", LogEventLevel.Warning)]
    [InlineData(0, false, "information", LogEventLevel.Information)]
    [InlineData(0, false, "Debug", LogEventLevel.Debug)]
    [InlineData(1, false, "error", LogEventLevel.Debug)]
    [InlineData(2, false, "auto", LogEventLevel.Verbose)]
    [InlineData(5, false, "auto", LogEventLevel.Verbose)]
    [InlineData(2, true, "auto", LogEventLevel.Error)]
    [InlineData(0, true, "verbose", LogEventLevel.Error)]
    public void Resolve_FlagsBeatConfigBeatsCommandDefault(int verbosity, bool quiet, string configured, LogEventLevel expected)
        => Assert.Equal(expected, LogLevels.Resolve(Global(verbosity, quiet), configured, LogEventLevel.Warning));

    [Theory]
    [InlineData(false, 2, "error", LogEventLevel.Error)]
    [InlineData(false, 0, "debug", LogEventLevel.Debug)]
    [InlineData(true, 0, "debug", LogEventLevel.Error)]
    public void Resolve_LogLevelFlag_BeatsVerbosityButNotQuiet(bool quiet, int verbosity, string level, LogEventLevel expected)
        => Assert.Equal(expected, LogLevels.Resolve(new GlobalSettings(verbosity, quiet, [], [], Json: false, NoColor: false, level), "warning", LogEventLevel.Warning));

    [Fact]
    public void Resolve_UnknownLevel_IsAConfigurationError()
        => Assert.Equal(6, Assert.Throws<CommandException>(() => LogLevels.Resolve(Global(), "loud", LogEventLevel.Warning)).ExitCode);

    [Theory]
    [InlineData(false, null, false, true)]
    [InlineData(true, null, false, false)]
    [InlineData(false, "1", false, false)]
    [InlineData(false, "", false, false)]
    [InlineData(false, null, true, false)]
    public void UseColor_AnyNoSignal_TurnsColourOff(bool noColorFlag, string? noColorVariable, bool redirected, bool expected)
    {
        using var writer = new StringWriter();
        var variables = new Dictionary<string, string>();
        if (noColorVariable is not null)
        {
            variables["NO_COLOR"] = noColorVariable;
        }

        var environment = new CliEnvironment { Out = writer, Error = writer, Variables = variables, IsErrorRedirected = redirected };
        Assert.Equal(expected, LogLevels.UseColor(Global(noColor: noColorFlag), environment));
    }
}
