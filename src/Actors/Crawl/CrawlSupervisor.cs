using Crawler.Actors.Fetching;
using Crawler.Actors.Parsing;
using Crawler.Actors.Runtime;
using Crawler.Actors.Runtime.Routing;
using Crawler.Actors.Stats;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// Owns a crawl: the queue of URLs to fetch, the seen set, scope and depth, the counts. Fans URLs out to a
/// consistent-hashing pool of <see cref="FetcherActor"/>s keyed by host (one host, one fetcher, one politeness
/// state), keeps at most <see cref="CrawlOptions.Concurrency"/> fetches in flight, feeds parsed links back in, and
/// replies with a <see cref="CrawlResult"/> once nothing is queued, in flight or being parsed.
/// Every URL taken ends in exactly one <see cref="UrlOutcome"/>: a fetcher crash hands the URL back, and after
/// <see cref="CrawlOptions.MaxCrashesPerUrl"/> crashes it is recorded as failed with its referrer.
/// </summary>
public sealed class CrawlSupervisor : ReceiveActor
{
    private readonly CrawlOptions _options;
    private readonly FetchWork _work;
    private readonly Func<ParseDocument, IReadOnlyList<ExtractedLink>>? _extract;
    private readonly CrawlStats _stats;
    private readonly CancellationToken _stopping;
    private readonly IFrontier _frontier;
    private readonly Dictionary<Url, FetchUrl> _inFlight = [];
    private readonly HashSet<Url> _awaitingParse = [];

    // Fetches in flight and pages awaiting their links, by depth: with the queue, they say which depths may be fetched.
    private readonly DepthCounts _active = new();
    private readonly Dictionary<Url, int> _crashes = [];

    // Each redirect queued as a URL of its own, source to normalised target: how a loop is recognised.
    private readonly Dictionary<Url, Url> _redirects = [];
    private readonly List<UrlOutcome> _outcomes = [];
    private readonly List<FetchSkipped> _skipped = [];
    private readonly List<string> _warnings = [];
    private IActorRef? _fetchers;
    private IActorRef? _parsers;
    private IActorRef? _replyTo;
    private bool _loadingSitemap;
    private bool _stopRequested;
    private bool _finishing;

    /// <param name="extract">Link extraction for the parser pool; null for the real HTML and CSS extractors.</param>
    /// <param name="frontier">The queue to own; null for a <see cref="MemoryFrontier"/> over the options' limits and scope.</param>
    public CrawlSupervisor(CrawlOptions options, FetchWork work, Func<ParseDocument, IReadOnlyList<ExtractedLink>>? extract,
        CrawlStats stats, CancellationToken stopping, IFrontier? frontier = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _work = work;
        _extract = extract;
        _stats = stats;
        _stopping = stopping;
        _frontier = frontier ?? new MemoryFrontier(options.Frontier, new ScopeRules(options.Seeds, options.Scope));

        Receive<StartCrawl>(_ => Start());
        Receive<StopCrawl>(_ => Stop());
        Receive<SitemapLoaded>(OnSitemap);
        Receive<FetchCompleted>(OnCompleted);
        Receive<FetchFailed>(OnCrashed);
        Receive<FetchSkipped>(OnSkipped);
        Receive<LinksFound>(OnLinks);
        Receive<ConversionDone>(OnConverted);
    }

    protected override void PreStart()
    {
        var extract = _extract;
        var parserProps = Props.Create(() => extract is null ? new ParserActor() : new ParserActor(extract)).WithRouter(new SmallestMailboxPool(Math.Max(1, _options.Parsers)));
        _parsers = Context.ActorOf(parserProps, "parsers");
        var self = Self;
        var parsers = _parsers;
        var fetcherProps = Props.Create(() => new FetcherActor(_work, self, parsers, _stopping))
            .WithRouter(new ConsistentHashingPool(Math.Max(1, _options.Fetchers)));
        _fetchers = Context.ActorOf(fetcherProps, "fetchers");
    }

    /// <summary>
    /// A bug here must not leave the caller waiting for ever: a restarted supervisor starts empty-handed (a new frontier,
    /// nobody to answer). So whoever asked for the crawl gets the failure, and the job ends with it.
    /// </summary>
    protected override void PreRestart(Exception reason, object? message)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var carryOn = _options.RecordOutcome is null ? "" : "; what finished is journalled, and the same command with --continue carries on from it";
        _replyTo?.Tell(new Status.Failure(new InvalidOperationException($"the crawl stopped: its supervisor failed on {message?.GetType().Name ?? "a message"}: {reason.Message}{carryOn}", reason)), Self);
        _replyTo = null;
        base.PreRestart(reason, message);
    }

    private void Start()
    {
        if (_replyTo is not null)
        {
            return;
        }

        _replyTo = Sender;
        foreach (var seed in _options.Seeds)
        {
            _frontier.TryAdd(new CrawlEntry(seed, 0, LinkKind.Page, null));
        }

        if (_options.SitemapSeeds is { } loadSitemap)
        {
            _loadingSitemap = true;
            var self = Self;
            _ = LoadSitemapAsync(loadSitemap, self);
        }

        Pump();
    }

    private async Task LoadSitemapAsync(Func<CancellationToken, Task<IReadOnlyList<Url>>> load, IActorRef self)
    {
        try
        {
            self.Tell(new SitemapLoaded(await load(_stopping), null));
        }
#pragma warning disable CA1031 // a sitemap that cannot be read only costs its seeds; the crawl goes on from the given URLs.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            self.Tell(new SitemapLoaded([], $"sitemap: {exception.Message}"));
        }
    }

    private void OnSitemap(SitemapLoaded loaded)
    {
        _loadingSitemap = false;
        if (loaded.Error is not null)
        {
            _warnings.Add(loaded.Error);
        }

        foreach (var url in loaded.Urls)
        {
            _frontier.TryAdd(new CrawlEntry(url, 0, LinkKind.Page, null));
        }

        Pump();
    }

    private void Stop()
    {
        _stopRequested = true;
        Pump();
    }

    private void OnCompleted(FetchCompleted completed)
    {
        var outcome = completed.Outcome;
        if (!_inFlight.Remove(outcome.Url, out var job))
        {
            // A result for a URL we no longer hold cannot happen by design; count it rather than lose it.
            Logger.LogUnexpectedResult(outcome.Url.ToString());
        }
        else
        {
            _active.Remove(job.Depth);
            if (outcome.RedirectTarget is { } target && outcome.IsSuccess)
            {
                outcome = QueueRedirect(job, outcome, target);
            }
        }

        Finished(outcome);
        if (completed.Warning is not null)
        {
            _warnings.Add(completed.Warning);
        }

        if (completed.AwaitingParse && _awaitingParse.Add(outcome.Url))
        {
            _active.Add(outcome.Depth);
        }

        Pump();
    }

    /// <summary>
    /// Follows a redirect by queueing its target like a link from the redirecting URL, at the same depth and of the
    /// same kind: the frontier's seen set then keeps a document reached both directly and through redirects from
    /// being fetched twice, and scope applies to the target as to any link. The outcome comes back failed when the
    /// chain is longer than the limit, or leads back to where it started.
    /// </summary>
    private UrlOutcome QueueRedirect(FetchUrl job, UrlOutcome outcome, Url target)
    {
        var hops = job.RedirectHops + 1;
        if (hops > _options.MaxRedirects)
        {
            return outcome with { Error = new FetchError(FetchFailureKind.Redirect, $"too many redirects: more than {_options.MaxRedirects} in a row, the last from {outcome.Url} to {target}") };
        }

        var normalized = target.Normalize();
        _redirects[outcome.Url] = normalized;
        var kind = job.IsRequisite ? LinkKind.Requisite : LinkKind.Page;
        var added = _frontier.TryAdd(new CrawlEntry(target, job.Depth, kind, outcome.Url) { RedirectHops = hops });
        if (added == AddResult.Duplicate && RedirectsBackTo(normalized, outcome.Url))
        {
            return outcome with { Error = new FetchError(FetchFailureKind.Redirect, $"redirect loop: {outcome.Url} redirects to {target}, which redirects back") };
        }

        return outcome;
    }

    private bool RedirectsBackTo(Url from, Url origin)
    {
        Url? current = from;
        for (var step = 0; step <= _options.MaxRedirects && current is not null; step++)
        {
            if (current == origin)
            {
                return true;
            }

            current = _redirects.GetValueOrDefault(current);
        }

        return false;
    }

    private void OnCrashed(FetchFailed failed)
    {
        var job = failed.Job;
        if (_inFlight.Remove(job.Url))
        {
            _active.Remove(job.Depth);
        }

        var crashes = job.Crashes + 1;
        if (crashes >= _options.MaxCrashesPerUrl)
        {
            var outcome = new UrlOutcome(job.Url, job.Depth, job.Referrer)
            {
                IsRequisite = job.IsRequisite,
                Attempts = 0,
                Error = failed.Error with { Kind = FetchFailureKind.Crashed, Message = $"fetcher crashed {crashes} times; last: {failed.Error.Message}" },
            };
            Finished(outcome);
        }
        else
        {
            _crashes[job.Url] = crashes;
            _frontier.Requeue(new CrawlEntry(job.Url, job.Depth, job.IsRequisite ? LinkKind.Requisite : LinkKind.Page, job.Referrer) { RedirectHops = job.RedirectHops });
        }

        Pump();
    }

    // A URL's one final outcome: kept for the result, counted, and journalled (unless it came from the journal).
    private void Finished(UrlOutcome outcome)
    {
        _outcomes.Add(outcome);
        _stats.Record(outcome);
        if (!outcome.Resumed)
        {
            _options.RecordOutcome?.Invoke(outcome);
        }
    }

    private void OnSkipped(FetchSkipped skipped)
    {
        if (_inFlight.Remove(skipped.Job.Url))
        {
            _active.Remove(skipped.Job.Depth);
        }

        _skipped.Add(skipped);
        Pump();
    }

    private void OnLinks(LinksFound found)
    {
        if (_awaitingParse.Remove(found.Page))
        {
            _active.Remove(found.Depth);
        }

        if (found.Error is not null)
        {
            _warnings.Add($"{found.Page}: links not extracted: {found.Error}");
        }

        foreach (var link in found.Links)
        {
            // Refusals (duplicate, out of scope, too deep, over max-pages) are the frontier's business and silent.
            _frontier.TryAdd(new CrawlEntry(link.Url, found.Depth + 1, link.Kind, found.Page));
        }

        Pump();
    }

    private bool TryTake(int deepest, out FetchUrl job)
    {
        if (_frontier.TryTake(deepest, out var entry))
        {
            job = new FetchUrl(entry.Url, entry.Depth, entry.Referrer, entry.Kind == LinkKind.Requisite)
            {
                Crashes = _crashes.GetValueOrDefault(entry.Url),
                RedirectHops = entry.RedirectHops,
                Earlier = _options.Earlier?.GetValueOrDefault(entry.Url),
            };
            return true;
        }

        job = null!;
        return false;
    }

    /// <summary>Hands out queued URLs up to the concurrency cap, then checks whether the crawl is over.</summary>
    private void Pump()
    {
        // The shallowest depth still queued, fetching or being parsed, and the next one, may be fetched: see
        // IFrontier.TryTake(int, ...). Handing out work does not change that depth, so it is worked out once.
        var open = Math.Min(_frontier.ShallowestPendingDepth, _active.Shallowest);
        var deepest = open == int.MaxValue ? int.MaxValue : open + 1;
        while (!_stopRequested && !_stopping.IsCancellationRequested && _inFlight.Count < _options.Concurrency && TryTake(deepest, out var job))
        {
            _inFlight.Add(job.Url, job);
            _active.Add(job.Depth);
            _fetchers!.Tell(job, Self);
        }

        _stats.SetQueue(_frontier.PendingCount, _inFlight.Count);
        if (!_finishing && _inFlight.Count == 0 && _awaitingParse.Count == 0 && !_loadingSitemap
            && (_frontier.PendingCount == 0 || _stopRequested || _stopping.IsCancellationRequested))
        {
            Finish();
        }
    }

    private void Finish()
    {
        _finishing = true;
        _stats.Complete();
        if (_options.ConvertLinks is { } convert && !_stopping.IsCancellationRequested)
        {
            var self = Self;
            var outcomes = _outcomes.ToArray();
            _ = ConvertAsync(convert, outcomes, self);
            return;
        }

        Reply(converted: 0);
    }

    private async Task ConvertAsync(Func<IReadOnlyList<UrlOutcome>, CancellationToken, Task<int>> convert, UrlOutcome[] outcomes, IActorRef self)
    {
        try
        {
            self.Tell(new ConversionDone(await convert(outcomes, _stopping), null));
        }
#pragma warning disable CA1031 // a failed rewrite leaves the mirror as fetched; the report says so instead of the crawl failing.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            self.Tell(new ConversionDone(0, $"convert-links: {exception.Message}"));
        }
    }

    private void OnConverted(ConversionDone done)
    {
        if (done.Error is not null)
        {
            _warnings.Add(done.Error);
        }

        Reply(done.Converted);
    }

    private void Reply(int converted)
    {
        var result = new CrawlResult(_outcomes.ToArray(), _skipped.ToArray(), _stats.Snapshot(), _stopRequested || _stopping.IsCancellationRequested)
        {
            LinksConverted = converted,
            Warnings = _warnings.ToArray(),
        };
        _replyTo?.Tell(result, Self);
    }
}
