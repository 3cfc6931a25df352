using System.Globalization;
using Crawler.Actors.Warm;
using Crawler.Protocol;
using Crawler.Protocol.Text;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>
/// What one fetch does, apart from the actor around it: robots check, host politeness, the Polly pipeline around
/// <see cref="CrawlerClient"/>, and streaming the body to the sink. Never throws: every failure becomes a
/// <see cref="FetchError"/> in the outcome, so nothing but a value crosses to the supervisor.
/// </summary>
public sealed class FetchWork
{
    private readonly Func<FetchRequest, CancellationToken, Task<FetchResponse>> _send;
    private readonly FetchResilience _resilience;
    private readonly HostPoliteness _politeness;
    private readonly RobotsCache? _robots;
    private readonly IDocumentSink _sink;
    private readonly FetcherOptions _options;
    private readonly TimeProvider _timeProvider;

    public FetchWork(CrawlerClient client, FetchResilience resilience, HostPoliteness politeness, RobotsCache? robots,
        IDocumentSink sink, FetcherOptions options, TimeProvider? timeProvider = null)
        : this(WrapClient(client), resilience, politeness, robots, sink, options, timeProvider)
    {
    }

    /// <param name="send">Sends one request: <see cref="CrawlerClient.SendAsync"/> in the program.</param>
    public FetchWork(Func<FetchRequest, CancellationToken, Task<FetchResponse>> send, FetchResilience resilience, HostPoliteness politeness,
        RobotsCache? robots, IDocumentSink sink, FetcherOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _send = send;
        _resilience = resilience;
        _politeness = politeness;
        _robots = options.IgnoreRobots ? null : robots;
        _sink = sink;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public FetcherOptions Options => _options;

    public async Task<FetchWorkResult> RunAsync(FetchUrl job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var started = _timeProvider.GetTimestamp();
        if (job.Earlier is { } earlier && await ReplayAsync(job, earlier, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var outcome = new UrlOutcome(job.Url, job.Depth, job.Referrer) { IsRequisite = job.IsRequisite, Attempts = 0 };
        try
        {
            if (_robots is not null && job.Url.IsHttp && !await _robots.IsAllowedAsync(job.Url, cancellationToken))
            {
                return new FetchWorkResult(outcome, null, DocumentKind.Other, SkippedReason: "disallowed by robots.txt");
            }

            var crawlDelay = _robots is not null && job.Url.IsHttp ? await _robots.CrawlDelayAsync(job.Url, cancellationToken) : null;
            using var lease = await _politeness.EnterAsync(job.Host, cancellationToken, crawlDelay);
            var attempts = 0;
            // The local HTTP cache is bypassed: a crawl asks for each URL once, and warm must see what the server says every time.
            // Redirects come back to the supervisor as outcomes (see UrlOutcome.RedirectTarget) instead of being followed here.
            var request = new FetchRequest(job.Url) { Headers = _options.Headers, UseCache = false, FollowRedirects = false };
            await using var response = await _resilience.For(job.Host).ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await _send(request, token);
                },
                cancellationToken);

            outcome = outcome with
            {
                Attempts = attempts,
                StatusCode = response.StatusCode,
                ContentType = response.ContentType,
                Cache = CacheStatusReader.Read(response.Headers),
            };
            if (response.StatusCode >= 400)
            {
                return Done(outcome with { Error = FetchError.FromStatus(response.StatusCode, response.ReasonPhrase) }, null, started);
            }

            if (response.ResolveRedirectTarget() is { } target)
            {
                return Done(outcome with { RedirectTarget = target }, null, started);
            }

            var stored = await _sink.StoreAsync(response.Url, response.ContentType, response.Body, cancellationToken);
            var kind = DocumentKinds.Of(response.ContentType, response.Url.Path);
            outcome = outcome with { Bytes = stored.Bytes, SavedPath = stored.RelativePath };
            var text = stored.Text;
            if (kind == DocumentKind.Other && text is not null)
            {
                text.Dispose(); // the sinks decode only what DocumentKinds calls parseable, so this is a guard
                text = null;
            }

            return Done(outcome, text, started) with { Kind = kind, Warning = ParseLimitWarning(outcome, stored) };
        }
#pragma warning disable CA1031 // IO boundary: whatever the network, the disk or a bug throws becomes a recorded error, not a crash.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Done(outcome with { Error = FetchError.FromException(exception) }, null, started);
        }
    }

    /// <summary>
    /// An earlier run's outcome for the URL (crawl --continue), as this run's: a saved document is read back from the
    /// mirror for its links; a file, redirect or lasting failure stands as recorded. Null when the saved file is gone
    /// or cannot be read: the URL is then fetched like any other.
    /// </summary>
    private async Task<FetchWorkResult?> ReplayAsync(FetchUrl job, UrlOutcome earlier, CancellationToken cancellationToken)
    {
        var outcome = earlier with { Url = job.Url, Depth = job.Depth, Referrer = job.Referrer, IsRequisite = job.IsRequisite, Elapsed = TimeSpan.Zero, Resumed = true };
        if (earlier.SavedPath is not { } saved)
        {
            return new FetchWorkResult(outcome, null, DocumentKind.Other, null);
        }

        StoredDocument? stored;
        try
        {
            stored = await _sink.ReadSavedAsync(saved, job.Url, earlier.ContentType, cancellationToken);
        }
#pragma warning disable CA1031 // an unreadable earlier file (or a journal naming a path outside the mirror) only means fetching the URL again.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        if (stored is null)
        {
            return null;
        }

        var kind = DocumentKinds.Of(earlier.ContentType, job.Url.Path);
        return new FetchWorkResult(outcome, stored.Text, kind, null) { Warning = ParseLimitWarning(outcome, stored) };
    }

    /// <summary>
    /// A page saved but not parsed has links nobody follows; the report must say so (with the setting to raise),
    /// or the mirror would look complete while missing everything behind that page.
    /// </summary>
    private static string? ParseLimitWarning(UrlOutcome outcome, StoredDocument stored)
        => stored.ParseLimitExceeded is { } limit
            ? string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Url}: links not extracted: the document is {stored.Bytes} bytes, more than crawler.crawl.max-parsed-bytes ({limit})")
            : null;

    private static Func<FetchRequest, CancellationToken, Task<FetchResponse>> WrapClient(CrawlerClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync;
    }

    private FetchWorkResult Done(UrlOutcome outcome, PooledText? text, long started)
        => new(outcome with { Elapsed = _timeProvider.GetElapsedTime(started) }, text, DocumentKind.Other, null);
}
