using Crawler.Actors.Parsing;
using Crawler.Actors.Runtime;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Fetches the URLs routed to it (one host always comes to the same fetcher, so its politeness lives here). Each
/// fetch runs as its own task, capped per host by <see cref="HostPoliteness"/>; its outcome goes straight to the
/// supervisor and, for HTML and CSS, the content to the parser pool. A crash while taking a URL hands that URL back
/// from <see cref="PreRestart"/>: nothing is lost.
/// </summary>
public sealed class FetcherActor : ReceiveActor
{
    private readonly FetchWork _work;
    private readonly IActorRef _supervisor;
    private readonly IActorRef _parsers;
    private readonly CancellationToken _stopping;

    public FetcherActor(FetchWork work, IActorRef supervisor, IActorRef parsers, CancellationToken stopping)
    {
        _work = work;
        _supervisor = supervisor;
        _parsers = parsers;
        _stopping = stopping;
        Receive<FetchUrl>(Start);
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (message is FetchUrl job)
        {
            _supervisor.Tell(new FetchFailed(job, FetchError.FromException(reason)), Self);
        }

        base.PreRestart(reason, message);
    }

    private void Start(FetchUrl job)
    {
        _work.Options.FaultInjector?.Invoke(job);

        // The task reports to the supervisor by itself (not through this actor), so a restart of this instance
        // cannot strand a result, and the fetcher stays free to start the next host's request.
        _ = RunAsync(job);
    }

    private async Task RunAsync(FetchUrl job)
    {
        var result = await _work.RunAsync(job, _stopping);
        if (result.SkippedReason is { } reason)
        {
            _supervisor.Tell(new FetchSkipped(job, reason), Self);
            return;
        }

        var parse = result.Text is not null && result.Outcome.Error is null;
        if (!parse)
        {
            result.Text?.Dispose();
        }

        // The supervisor hears of the fetch before the parser gets the document, so "links found" can never
        // overtake "fetch completed" (FIFO from one causal chain).
        _supervisor.Tell(new FetchCompleted(result.Outcome, parse) { Warning = result.Warning }, Self);
        if (parse)
        {
            var outcome = result.Outcome;
            // The text's buffer goes with the message: the parser returns it to the pool once it has read it.
            _parsers.Tell(new ParseDocument(outcome.Url, outcome.Depth, result.Kind, result.Text!, _supervisor), Self);
        }
    }
}
