using System.CommandLine;
using System.Text;
using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Actors.Stats;
using Crawler.Host.Cli;
using Crawler.Host.Configuration;
using Crawler.Host.Output;
using Crawler.Host.Sample;
using Crawler.Protocol.Urls;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Crawler.Host.Commands;

/// <summary>
/// <c>crawler crawl [URL...] -o DIR</c>: mirrors sites with the actor crawler. With no URL it crawls the sample site
/// shipped with the program, served on 127.0.0.1 from inside the process, into ./mirror, without a host directory
/// (unless crawler.crawl.host-directories is set explicitly): the port is random, so a "127.0.0.1_PORT" folder would
/// be a new one on every run.
/// </summary>
public sealed class CrawlCommand : CrawlerCommand
{
    private readonly Argument<string[]> _urls = new("url")
    {
        Description = "Seed URLs (http or https). Without one, the sample site shipped with crawler.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly FetchFlags _fetch = new();

    private readonly Option<string?> _output = new("--output", "-o") { Description = "Mirror folder (crawler.crawl.output).", HelpName = "DIR" };

    private readonly Option<int?> _depth = new("--depth", "-l") { Description = "Page links followed from the seeds (crawler.crawl.depth)." };

    private readonly Option<int?> _maxPages = new("--max-pages") { Description = "Pages fetched at most; requisites not counted (crawler.crawl.max-pages)." };

    private readonly Option<string?> _delay = new("--delay") { Description = "Pause between requests to one host, e.g. 500ms (crawler.crawl.delay).", HelpName = "DURATION" };

    private readonly Option<bool> _spanHosts = new("--span-hosts", "-H") { Description = "Follow links to other hosts (crawler.crawl.span-hosts).", Arity = ArgumentArity.Zero };

    private readonly Option<string[]> _domains = new("--domains", "-D") { Description = "With --span-hosts, the domains allowed (comma-separated or repeated)." };

    private readonly Option<string[]> _include = new("--include", "-I") { Description = "Path patterns followed pages must match; seeds are always fetched (repeatable)." };

    private readonly Option<string[]> _exclude = new("--exclude", "-X") { Description = "Path patterns no followed URL may match; seeds are always fetched (repeatable)." };

    private readonly Option<bool> _noParent = new("--no-parent", "-np") { Description = "Never ascend above a seed's directory.", Arity = ArgumentArity.Zero };

    private readonly Option<bool> _sitemap = new("--sitemap") { Description = "Also seed from each seed origin's /sitemap.xml.", Arity = ArgumentArity.Zero };

    private readonly Option<bool> _convertLinks = new("--convert-links", "-k") { Description = "After the crawl, point links in saved pages at the local files (crawler.crawl.convert-links).", Arity = ArgumentArity.Zero };

    private readonly Option<bool> _continue = new("--continue")
    {
        Description = "Continue the crawl journalled in -o DIR: what it finished is read from the mirror, not fetched again (crawler.crawl.continue).",
        Arity = ArgumentArity.Zero,
    };

    // "-nH" is wget's spelling, like "-np" above; System.CommandLine matches a whole alias before it tries to unbundle.
    private readonly Option<bool> _noHostDirectories = new("--no-host-directories", "-nH")
    {
        Description = "Save files straight into -o DIR, not under a directory per host (crawler.crawl.host-directories = off).",
        Arity = ArgumentArity.Zero,
    };

    private const string HostDirectoriesPath = "crawler.crawl.host-directories";

    public override string Name => "crawl";

    public override string Description => "Mirror sites: pages within --depth plus everything they need to render, politely, into -o DIR.";

    public override void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(_urls);
        foreach (var option in new Option[] { _output, _depth, _maxPages, _fetch.Concurrency, _fetch.PerHost, _delay, _fetch.UserAgent, _spanHosts, _domains, _include, _exclude, _noParent, _fetch.IgnoreRobots, _sitemap, _convertLinks, _continue, _noHostDirectories })
        {
            command.Add(option);
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = context.ParseResult;
        var configuration = context.LoadConfiguration(Flags(result));
        var settings = configuration.Settings;
        context.ApplyWorkerThreads(settings);
        using var loggerFactory = context.CreateLoggerFactory(settings, LogEventLevel.Information);
        var logger = loggerFactory.CreateLogger("crawl");

        await using var sample = (result.GetValue(_urls) ?? []).Length == 0 ? SampleSiteServer.Start() : null;
        var seeds = sample is not null
            ? [Url.Parse(sample.BaseAddress.ToString())]
            : (result.GetValue(_urls) ?? []).Select(ParseSeed).ToArray();
        var output = Path.GetFullPath(string.IsNullOrWhiteSpace(settings.Crawl.Output) ? "mirror" : settings.Crawl.Output, context.Environment.CurrentDirectory);
        if (sample is not null)
        {
            CrawlCommandLog.SampleSite(logger, sample.BaseAddress, output);
        }

        var crawl = new CrawlOptions(seeds)
        {
            Frontier = new FrontierOptions { MaxDepth = settings.Crawl.Depth, MaxPages = settings.Crawl.MaxPages > 0 ? settings.Crawl.MaxPages : null },
            Scope = new ScopeOptions
            {
                SpanHosts = settings.Crawl.SpanHosts,
                Domains = SplitList(result.GetValue(_domains)),
                Include = result.GetValue(_include) ?? [],
                Exclude = result.GetValue(_exclude) ?? [],
                NoParent = result.GetValue(_noParent),
            },
        };
        var job = Job(crawl, settings, loggerFactory) with
        {
            OutputDirectory = output,
            ConvertLinks = settings.Crawl.ConvertLinks,
            Journal = settings.Crawl.Journal,
            Continue = settings.Crawl.Continue,
            HostDirectories = settings.Crawl.HostDirectories && (sample is null || IsSetExplicitly(configuration, HostDirectoriesPath)),
            UseSitemap = result.GetValue(_sitemap),
        };

        var stats = new CrawlStats();
        var run = await RunWithProgressAsync(context, () => stats, logger, "crawl", token => CrawlJob.RunAsync(job, stats, token), cancellationToken);

        if (context.Global.Json)
        {
            using var buffer = new MemoryStream();
            await CrawlReportWriter.WriteJsonAsync(buffer, run);
            await context.Out.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            await CrawlReportWriter.WriteTextAsync(context.Out, run, output, journalled: job.Journal);
        }

        return run.Cancelled ? ExitCodes.Interrupted : ExitCodes.Ok;
    }

    /// <summary>The job settings crawl and warm share: actors, politeness, retries, breaker, HTTP client.</summary>
    internal static CrawlJobOptions Job(CrawlOptions crawl, CrawlerSettings settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        ArgumentNullException.ThrowIfNull(settings);
        var breaker = settings.Crawl.CircuitBreaker;
        // SettingsRanges has refused out-of-range values at load, so they are used as they are.
        var concurrency = settings.Crawl.Concurrency;
        crawl = crawl with
        {
            Concurrency = concurrency,

            // 0 is "for this machine", as reference.conf documents.
            Fetchers = settings.Crawl.Fetchers > 0 ? settings.Crawl.Fetchers : Math.Min(concurrency, Environment.ProcessorCount * 2),
            Parsers = settings.Crawl.Parsers > 0 ? settings.Crawl.Parsers : Math.Max(1, Environment.ProcessorCount / 2),
            MaxCrashesPerUrl = settings.Crawl.MaxCrashesPerUrl,
            MaxRedirects = settings.Http.MaxRedirects,
        };
        return new CrawlJobOptions(crawl)
        {
            Client = ClientOptionsFactory.Create(settings.Http),
            Fetcher = new FetcherOptions
            {
                PerHost = settings.Crawl.PerHost,
                Delay = settings.Crawl.Delay,
                IgnoreRobots = settings.Crawl.IgnoreRobots,
                MaxRobotsBytes = settings.Crawl.Robots.MaxBytes,
                MaxCrawlDelay = settings.Crawl.Robots.MaxCrawlDelay,
                MaxParsedBytes = settings.Crawl.MaxParsedBytes,
                UserAgent = settings.Http.UserAgent,
            },
            Mirror = new MirrorOptions
            {
                MaxNameBytes = settings.Crawl.Mirror.MaxNameBytes,
                MaxCollisionSuffix = settings.Crawl.Mirror.MaxCollisionSuffix,
            },
            Sitemap = new SitemapOptions
            {
                MaxUrls = settings.Crawl.Sitemap.MaxUrls,
                MaxChars = settings.Crawl.Sitemap.MaxChars,
                MaxFiles = settings.Crawl.Sitemap.MaxFiles,
            },
            Resilience = new FetchResilienceOptions
            {
                MaxRetryAttempts = settings.Crawl.Retries,
                BaseDelay = settings.Crawl.RetryBackoff,
                MaxDelay = settings.Crawl.RetryMaxBackoff,
                BreakerFailureRatio = breaker.FailureRatio,
                BreakerMinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
            },
            LoggerFactory = loggerFactory,
        };
    }

    /// <summary>Runs <paramref name="work"/> with the progress display beside it; Ctrl+C becomes a graceful stop.</summary>
    internal static async Task<T> RunWithProgressAsync<T>(CommandContext context, Func<CrawlStats> stats, ILogger logger, string title,
        Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        using var done = new CancellationTokenSource();
        var live = !context.Environment.IsErrorRedirected && !context.Global.Quiet && ReferenceEquals(context.Error, Console.Error);
        var progress = ProgressDisplay.RunAsync(stats, live, logger, title, done.Token);
        using var onCancel = cancellationToken.Register(() => ProgressLog.Stopping(logger, stats().Snapshot().InFlight));
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            await done.CancelAsync();
            await progress;
        }
    }

    internal static Url ParseSeed(string text)
    {
        if (!Url.TryParse(text.Trim(), out var url, out var error) || url is null || !url.IsHttp)
        {
            throw new CommandException(ExitCodes.Usage, $"'{text}' is not an http(s) URL{(error is null ? "" : ": " + error)}");
        }

        return url;
    }

    /// <summary>Whether <paramref name="path"/> comes from a layer above reference.conf: a file, the environment, --set or a flag.</summary>
    private static bool IsSetExplicitly(CrawlerConfiguration configuration, string path)
        => configuration.Tree.GetValue(path) is { } value
            && !string.Equals(value.Origin.Source, CrawlerConfigurationLoader.ReferenceResourceName, StringComparison.Ordinal);

    private static string[] SplitList(string[]? values)
        => (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private IReadOnlyList<ConfigOverride> Flags(ParseResult result) => _fetch.AddTo(new ConfigOverrideBuilder(result))
        .Add(_output, "crawler.crawl.output")
        .Add(_depth, "crawler.crawl.depth")
        .Add(_maxPages, "crawler.crawl.max-pages")
        .Add(_delay, "crawler.crawl.delay")
        .Add(_spanHosts, "crawler.crawl.span-hosts")
        .Add(_convertLinks, "crawler.crawl.convert-links")
        .Add(_continue, "crawler.crawl.continue")
        .Add(_noHostDirectories, HostDirectoriesPath, static noHostDirectories => !noHostDirectories)
        .Build();
}
