using System.Text.Json;
using Crawler.Host.Cli;
using Crawler.Host.Output;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Microsoft.Extensions.Logging;

namespace Crawler.Host.Tests.Cli;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task Help_Root_ListsCommandsOptionsAndExitCodes()
    {
        var run = await CliHarness.RunAsync(["--help"]);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var expected in new[] { "Usage:", "config", "--verbose", "--quiet", "--config <FILE>", "--json", "--no-color", "Exit codes:", "130" })
        {
            Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCommand_PrintsHelp_ExitsUsage()
    {
        var run = await CliHarness.RunAsync([]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("nosuchcommand")]
    [InlineData("--config")]
    [InlineData("--log-level=loud")]
    public async Task BadCommandLine_ExitsUsage(string arg)
    {
        var run = await CliHarness.RunAsync([arg]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Theory]
    [InlineData(new[] { "stub" }, 0)]
    [InlineData(new[] { "-v", "stub" }, 1)]
    [InlineData(new[] { "-vv", "stub" }, 2)]
    [InlineData(new[] { "-v", "-v", "stub" }, 2)]
    [InlineData(new[] { "stub", "--verbose", "-v" }, 2)]
    public async Task Verbose_Repeated_CountsOccurrences(string[] args, int verbosity)
    {
        var stub = new StubCommand((_, _) => Task.FromResult(0));
        var run = await CliHarness.RunAsync(args, commands: [stub]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(verbosity, stub.Context!.Global.Verbosity);
    }

    [Fact]
    public async Task GlobalOptions_BeforeOrAfterCommand_AreRead()
    {
        var stub = new StubCommand((_, _) => Task.FromResult(0));
        await CliHarness.RunAsync(["--json", "--config", "a.conf", "stub", "-q", "--no-color", "--config", "b.conf", "--set", "x=1", "--log-level", "debug"], commands: [stub]);
        var global = stub.Context!.Global;
        Assert.Equal("debug", global.LogLevel);
        Assert.True(global.Json && global.Quiet && global.NoColor);
        Assert.Equal(["a.conf", "b.conf"], global.ConfigFiles);
        Assert.Equal(["x=1"], global.Overrides);
    }

    public static TheoryData<Exception, int> Failures() => new()
    {
        { new CommandException(ExitCodes.HttpFailure, "404 Not Found"), ExitCodes.HttpFailure },
        { new UrlFormatException("ht!tp://", "bad scheme"), ExitCodes.Usage },
        { new IOException("disk full"), ExitCodes.LocalError },
        { new UnauthorizedAccessException("denied"), ExitCodes.LocalError },
        { new Crawler.Host.Configuration.Hocon.HoconException(new("x.conf", 3, 1), "bad"), ExitCodes.LocalError },
        { new InvalidOperationException("bug"), ExitCodes.InternalError },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task CommandThrows_MapsToExitCodeAndReportsOnStderr(Exception failure, int exitCode)
    {
        var stub = new StubCommand((_, _) => throw failure);
        var run = await CliHarness.RunAsync(["stub"], commands: [stub]);
        Assert.Equal(exitCode, run.ExitCode);
        Assert.StartsWith("crawler: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(failure.Message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Cancelled_WhileRunning_Exits130()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubCommand(async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return 0;
        });

        var run = CliHarness.RunAsync(["stub"], commands: [stub], cancellationToken: cts.Token);
        await started.Task.WaitAsync(TestTimeouts.Default);
        await cts.CancelAsync();
        var result = await run.WaitAsync(TestTimeouts.Default);
        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
    }

    [Fact]
    public async Task Cancelled_CommandReturnsNormally_StillExits130()
    {
        using var cts = new CancellationTokenSource();
        var stub = new StubCommand(async (_, _) =>
        {
            await cts.CancelAsync();
            return 0;
        });
        var run = await CliHarness.RunAsync(["stub"], commands: [stub], cancellationToken: cts.Token);
        Assert.Equal(ExitCodes.Interrupted, run.ExitCode);
    }

    [Fact]
    public async Task Logging_GoesToStderr_NotStdout()
    {
        var stub = new StubCommand(async (context, _) =>
        {
            using var factory = context.CreateLoggerFactory(context.LoadConfiguration().Settings, Serilog.Events.LogEventLevel.Information);
            var logger = factory.CreateLogger("Test");
#pragma warning disable CA1848, CA1873 // Exercises the sink once; LoggerMessage delegates would only add noise here.
            logger.LogInformation("hello {Who}", "world");
            logger.LogDebug("hidden detail");
#pragma warning restore CA1848, CA1873
            await context.Out.WriteLineAsync("result");
            return 0;
        });

        var run = await CliHarness.RunAsync(["stub"], commands: [stub]);
        Assert.Equal("result\n", run.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("INF Test: hello world", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden detail", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Error, StringComparison.Ordinal);

        var quiet = await CliHarness.RunAsync(["-q", "stub"], commands: [stub]);
        Assert.DoesNotContain("hello", quiet.Error, StringComparison.Ordinal);
        var verbose = await CliHarness.RunAsync(["-v", "stub"], commands: [stub]);
        Assert.Contains("hidden detail", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCommand_Json_IsValidAndHasTypedDefaults()
    {
        var run = await CliHarness.RunAsync(["config", "--json"]);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var http = json.RootElement.GetProperty("crawler").GetProperty("http");
        Assert.Equal(10, http.GetProperty("max-redirects").GetInt32());
        Assert.Equal("crawler/0.1", http.GetProperty("user-agent").GetString());
        Assert.Equal(65536, http.GetProperty("max-header-bytes").GetInt32());
        Assert.True(http.GetProperty("cache").GetProperty("enabled").GetBoolean());
        Assert.False(http.GetProperty("insecure").GetBoolean());
        Assert.Equal("10s", http.GetProperty("connect-timeout").GetString());
    }

    [Fact]
    public async Task ConfigCommand_EnvironmentAndSet_ShowInOutputWithOrigins()
    {
        var env = new Dictionary<string, string> { ["CRAWLER__HTTP__USER_AGENT"] = "bot/2" };
        var run = await CliHarness.RunAsync(["config", "crawler.http", "--origin", "--set", "crawler.http.max-redirects=3"], env);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("# env CRAWLER__HTTP__USER_AGENT\nuser-agent = bot/2\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("# flag --set crawler.http.max-redirects\nmax-redirects = 3\n", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"# reference\.conf:\d+\nconnect-timeout = 10s\n", run.Out);
    }

    [Fact]
    public async Task ConfigCommand_JsonWithOrigins_FlatPathsWithValueAndOrigin()
    {
        var run = await CliHarness.RunAsync(["--json", "config", "--origin"]);
        using var json = JsonDocument.Parse(run.Out);
        var entry = json.RootElement.GetProperty("crawler.http.max-redirects");
        Assert.Equal(10, entry.GetProperty("value").GetInt32());
        Assert.StartsWith("reference.conf:", entry.GetProperty("origin").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCommand_SingleValue_PrintsBare()
    {
        var run = await CliHarness.RunAsync(["config", "crawler.crawl.output"]);
        Assert.Equal("mirror\n", run.Out);
    }

    [Fact]
    public async Task ConfigCommand_HostDirectories_OnByDefaultAndSettable()
    {
        Assert.Equal("on\n", (await CliHarness.RunAsync(["config", "crawler.crawl.host-directories"])).Out);
        Assert.Equal("off\n", (await CliHarness.RunAsync(["config", "crawler.crawl.host-directories", "--set", "crawler.crawl.host-directories=off"])).Out);
    }

    [Fact]
    public async Task Help_Crawl_ListsNoHostDirectories()
    {
        var run = await CliHarness.RunAsync(["crawl", "--help"]);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("-nH, --no-host-directories", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_CrawlAndWarm_ShareTheFetchFlagsWordForWord()
    {
        var crawl = (await CliHarness.RunAsync(["crawl", "--help"])).Out.Split('\n');
        var warm = (await CliHarness.RunAsync(["warm", "--help"])).Out.Split('\n');

        foreach (var flag in new[] { "-c, --concurrency", "--per-host", "-A, --user-agent", "--ignore-robots" })
        {
            var crawlLine = Assert.Single(crawl, line => line.TrimStart().StartsWith(flag, StringComparison.Ordinal));
            var warmLine = Assert.Single(warm, line => line.TrimStart().StartsWith(flag, StringComparison.Ordinal));
            Assert.Equal(Normalize(crawlLine), Normalize(warmLine));
        }

        // Help pads the description column to the widest flag of each command.
        static string Normalize(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ConfigCommand_UnknownPath_ExitsUsage()
        => Assert.Equal(ExitCodes.Usage, (await CliHarness.RunAsync(["config", "crawler.nope"])).ExitCode);

    [Fact]
    public async Task ConfigCommand_BrokenConfigFile_Exits6WithPosition()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "crawler {\n  http {\n    max-redirects = [\n");
            var run = await CliHarness.RunAsync(["--config", path, "config"]);
            Assert.Equal(ExitCodes.LocalError, run.ExitCode);
            Assert.Contains($"crawler: configuration error: {path}:4:", run.Error, StringComparison.Ordinal);
            Assert.Contains("expected ']'", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ConfigCommand_MissingConfigFile_Exits6()
    {
        var run = await CliHarness.RunAsync(["--config", "/nonexistent/crawler.conf", "config"]);
        Assert.Equal(ExitCodes.LocalError, run.ExitCode);
        Assert.Contains("/nonexistent/crawler.conf: configuration file not found", run.Error, StringComparison.Ordinal);
    }
}
