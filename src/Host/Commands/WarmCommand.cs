using System.CommandLine;
using System.Text;
using Crawler.Actors.Crawl;
using Crawler.Actors.Stats;
using Crawler.Actors.Warm;
using Crawler.Host.Cli;
using Crawler.Host.Configuration;
using Crawler.Host.Output;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Crawler.Host.Commands;

/// <summary>
/// <c>crawler warm URL...</c>: fetches each page and all its requisites (through CSS too, on any host) but no other
/// pages, and prints status, bytes, time and cache status per resource; <c>--repeat N</c> shows whether the hit ratio
/// rose. Exits 1 when any requisite is broken.
/// </summary>
public sealed class WarmCommand : CrawlerCommand
{
    private readonly Argument<string[]> _urls = new("url")
    {
        Description = "Pages to warm (http or https).",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly FetchFlags _fetch = new();

    private readonly Option<int?> _repeat = new("--repeat", "-n") { Description = "Passes over the set (crawler.warm.repeat)." };

    public override string Name => "warm";

    public override string Description => "Warm caches: fetch pages and every resource they need; show status, bytes, time and cache status per resource.";

    public override void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(_urls);
        command.Add(_repeat);
        command.Add(_fetch.Concurrency);
        command.Add(_fetch.PerHost);
        command.Add(_fetch.UserAgent);
        command.Add(_fetch.IgnoreRobots);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = context.ParseResult;
        var configuration = context.LoadConfiguration(Flags(result));
        var settings = configuration.Settings;
        context.ApplyWorkerThreads(settings);
        using var loggerFactory = context.CreateLoggerFactory(settings, LogEventLevel.Information);
        var logger = loggerFactory.CreateLogger("warm");

        var seeds = (result.GetValue(_urls) ?? []).Select(CrawlCommand.ParseSeed).ToArray();
        var job = CrawlCommand.Job(new CrawlOptions(seeds), settings, loggerFactory);
        var current = new CrawlStats();
        var rounds = await CrawlCommand.RunWithProgressAsync(context, () => current, logger, "warm",
            token => WarmRunner.RunAsync(job, settings.Warm.Repeat, _ => current = new CrawlStats(), token),
            cancellationToken);

        if (context.Global.Json)
        {
            using var buffer = new MemoryStream();
            await WarmReportWriter.WriteJsonAsync(buffer, rounds);
            await context.Out.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            await WarmReportWriter.WriteTextAsync(context.Out, rounds);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        return rounds.Any(r => r.Broken > 0) ? ExitCodes.HttpFailure : ExitCodes.Ok;
    }

    private IReadOnlyList<ConfigOverride> Flags(ParseResult result) => _fetch.AddTo(new ConfigOverrideBuilder(result))
        .Add(_repeat, "crawler.warm.repeat")
        .Build();
}
