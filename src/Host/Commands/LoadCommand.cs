using System.CommandLine;
using System.Globalization;
using Crawler.Actors.Load;
using Crawler.Host.Cli;
using Crawler.Host.Configuration;
using Crawler.Host.Configuration.Hocon;
using Crawler.Host.Logging;
using Crawler.Host.Output;
using Crawler.Protocol.Urls;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Crawler.Host.Commands;

/// <summary>
/// <c>crawler load URL [-c N] [-d 10s | -n N] [--rate R] [--page] [--timeout 5s] [--json] [--report FILE.html] [-H 'Name: v']</c>:
/// a wrk-like load test (closed model), a wrk2-like one at a fixed rate (open model), or page loads with requisites.
/// </summary>
public sealed class LoadCommand : CrawlerCommand
{
    private readonly Argument<string> _url = new("url") { Description = "The http or https URL to load." };

    private readonly Option<int?> _connections = new("--connections", "-c")
    {
        Description = "Keep-alive connections (virtual users with --page). Default: crawler.load.connections.",
    };

    private readonly Option<string?> _duration = new("--duration", "-d")
    {
        Description = "How long to run, e.g. 10s or 2m. Default: crawler.load.duration.",
    };

    private readonly Option<long?> _requests = new("--requests", "-n")
    {
        Description = "Send this many requests (pages with --page) instead of running for a duration.",
    };

    private readonly Option<double?> _rate = new("--rate")
    {
        Description = "Open model: requests per second on a fixed schedule; latency counts from the schedule. Default: crawler.load.rate (0 = closed model).",
    };

    private readonly Option<bool> _page = new("--page")
    {
        Description = "Each virtual user loads the page and all its requisites (up to 6 connections per host); reports page-complete time.",
        Arity = ArgumentArity.Zero,
    };

    private readonly Option<string?> _timeout = new("--timeout")
    {
        Description = "A request unanswered after this long counts as a timeout, e.g. 5s. Default: crawler.load.timeout.",
    };

    private readonly Option<string?> _report = new("--report")
    {
        Description = "Also write a self-contained HTML report (latency by percentile, requests/s and p99 over time) to FILE.",
        HelpName = "FILE.html",
    };

    private readonly Option<string[]> _headers = new("--header", "-H")
    {
        Description = "Extra request header 'Name: value'; repeatable.",
    };

    private readonly Option<bool> _insecure = new("--insecure", "-k")
    {
        Description = "Accept any TLS certificate. Default: crawler.http.insecure.",
        Arity = ArgumentArity.Zero,
    };

    public override string Name => "load";

    public override string Description =>
        "Load-test a URL: closed model like wrk (-c, -d/-n), open model like wrk2 (--rate), or --page loads; "
        + "prints latency percentiles (coordinated-omission corrected with --rate), requests/s and errors. "
        + "Exit 0 when the run completed (errors are counted, not fatal), 3 when nothing could connect.";

    public override void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(_url);
        command.Add(_connections);
        command.Add(_duration);
        command.Add(_requests);
        command.Add(_rate);
        command.Add(_page);
        command.Add(_timeout);
        command.Add(_report);
        command.Add(_headers);
        command.Add(_insecure);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = context.ParseResult;
        var flags = new ConfigOverrideBuilder(parsed)
            .Add(_connections, "crawler.load.connections")
            .Add(_duration, "crawler.load.duration", d => DurationFlag(d!, "--duration"))
            .Add(_rate, "crawler.load.rate")
            .Add(_timeout, "crawler.load.timeout", t => DurationFlag(t!, "--timeout"))
            .Add(_insecure, "crawler.http.insecure")
            .Build();
        var settings = context.LoadConfiguration(flags).Settings;
        context.ApplyWorkerThreads(settings);
        if (settings.Load.Rate < 0 || double.IsNaN(settings.Load.Rate))
        {
            throw new CommandException(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture, $"rate must be 0 (closed model) or positive, got {settings.Load.Rate}"));
        }
        var text = parsed.GetValue(_url) ?? string.Empty;
        if (!Url.TryParse(text, out var url, out var error) || url is null)
        {
            throw new CommandException(ExitCodes.Usage, $"invalid URL '{text}': {error}");
        }

        var options = new LoadOptions
        {
            Target = url,
            Connections = settings.Load.Connections,
            Duration = settings.Load.Duration,
            Requests = parsed.GetValue(_requests),
            Rate = settings.Load.Rate > 0 ? settings.Load.Rate : null,
            Page = parsed.GetValue(_page),
            Timeout = settings.Load.Timeout,
            Headers = ParseHeaders(parsed.GetValue(_headers) ?? []),
            Insecure = settings.Http.Insecure,
        };
        if (options.Validate() is { } problem)
        {
            throw new CommandException(ExitCodes.Usage, problem);
        }

        PreferInlineSocketCompletions(context.Environment);
        using var loggerFactory = context.CreateLoggerFactory(settings, LogEventLevel.Information);
        // -q as for crawl: no live line; the log lines it would take instead are below the quiet level.
        var progress = new LoadProgressRenderer(
            context.Error,
            context.Environment.IsErrorRedirected || context.Global.Quiet,
            loggerFactory.CreateLogger("load"),
            options.Model,
            LoadProgressBound.For(options),
            LogLevels.UseColor(context.Global, context.Environment),
            TerminalWidth.Current);
        var report = await LoadRunner.RunAsync(options, progress.Report, loggerFactory: loggerFactory, cancellationToken: cancellationToken).ConfigureAwait(false);
        progress.Finish();

        var rendered = context.Global.Json ? LoadJsonRenderer.Render(report) : LoadTextRenderer.Render(report);
        await context.Out.WriteAsync(rendered.AsMemory(), CancellationToken.None).ConfigureAwait(false);
        if (parsed.GetValue(_report) is { } reportPath)
        {
            var full = Path.GetFullPath(reportPath, context.Environment.CurrentDirectory);
            await File.WriteAllTextAsync(full, LoadHtmlRenderer.Render(report), CancellationToken.None).ConfigureAwait(false);
        }

        if (report.ConnectionsOpened == 0)
        {
            await context.Error.WriteLineAsync($"crawler: {report.Failure ?? "no connection could be opened"}").ConfigureAwait(false);
            return ExitCodes.Network;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Lets socket completions run their continuation on the epoll thread instead of hopping to the thread
    /// pool. The workers' continuations only parse a buffered response, count it and write the next request,
    /// so they never block; skipping the hop cost about 10 % less CPU per request on average over five paired
    /// runs against nginx at 64 connections (on a busy shared machine, so noisy). The runtime reads the variable once, when the first
    /// socket goes async: in the CLI process that is this run's first connect; in a process that already used
    /// sockets (tests) it changes nothing. A value the user set, even "0", is respected.
    /// </summary>
    private static void PreferInlineSocketCompletions(CliEnvironment environment)
    {
        const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
        if (!environment.Variables.ContainsKey(Variable) && Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }

    /// <summary>A duration flag is a usage error when malformed (exit 2), unlike a bad configuration file (exit 6).</summary>
    private static TimeSpan DurationFlag(string text, string flag)
        => HoconUnits.TryParseDuration(text, requireUnit: true, out var value)
            ? value
            : throw new CommandException(ExitCodes.Usage, $"{flag} '{text}' is not a duration such as 500ms, 10s or 2m");

    internal static List<KeyValuePair<string, string>> ParseHeaders(IEnumerable<string> values)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var value in values)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? value[..colon].Trim() : string.Empty;
            if (name.Length == 0 || name.Any(ch => ch <= ' ' || ch >= 127))
            {
                throw new CommandException(ExitCodes.Usage, string.Create(CultureInfo.InvariantCulture, $"header '{value}' is not 'Name: value'"));
            }

            headers.Add(new KeyValuePair<string, string>(name, value[(colon + 1)..].Trim()));
        }

        return headers;
    }
}
