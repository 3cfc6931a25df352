using Crawler.Actors.Runtime;
using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Load;

/// <summary>
/// Entry point of `crawler load`: resolves the target, (in page mode) discovers the page's requisites,
/// runs a <see cref="LoadSupervisor"/> in its own actor system and returns the report.
/// </summary>
public static class LoadRunner
{
    /// <summary>
    /// Runs the load test <paramref name="options"/> describes. Errors are counted in the report, never thrown;
    /// a report with <see cref="LoadReport.ConnectionsOpened"/> 0 means nothing could connect at all.
    /// Cancelling <paramref name="cancellationToken"/> ends the run early (requests in flight complete).
    /// The actor system logs (actor failures, dead letters) through <paramref name="loggerFactory"/>, none if null.
    /// </summary>
    public static async Task<LoadReport> RunAsync(
        LoadOptions options,
        Action<LoadProgress>? progress = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var time = timeProvider ?? TimeProvider.System;
        var pool = new LatencyHistogramPool();
        var builder = new LoadReportBuilder(pool);
        var startedAt = time.GetUtcNow();
        using var run = new LoadRunContext(options, time, pool);

        Func<int, Action<LoadIntervalSnapshot>, ILoadLoop> createLoop;
        IReadOnlyList<string>? requisites = null;
        try
        {
            if (options.Page)
            {
                var plan = await PagePlan.DiscoverAsync(options, time, cancellationToken).ConfigureAwait(false);
                requisites = plan.Requisites.Select(r => r.Url.ToString()).ToList();
                createLoop = (id, publish) => new PageUser(id, run, plan, publish);
            }
            else
            {
                var endpoint = await LoadEndpoint.ResolveAsync(options.Target, cancellationToken).ConfigureAwait(false);
                var request = new LoadRequest(options.Target, options.Headers);
                createLoop = (id, publish) => new LoadWorker(id, run, endpoint, request, publish);
            }
        }
        catch (LoadException ex)
        {
            // Nothing to run against (DNS failed, the page could not be fetched): an empty report says so.
            var tally = new LoadWorkerTally(0, false, pool, builder.Add);
            tally.Error(0, ex.Kind);
            builder.Add(tally.Finish());
            return builder.Build(options.Target.ToString(), options.Model, options.Connections, options.Rate, startedAt, TimeSpan.Zero, requisites) with { Failure = ex.Message };
        }

        var completion = new TaskCompletionSource<LoadReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var system = new ActorSystem("load", time, loggerFactory);
        run.Start(time.GetTimestamp());
        startedAt = time.GetUtcNow();
        LoadReport Build(LoadReportBuilder b, TimeSpan elapsed)
        {
            var report = b.Build(options.Target.ToString(), options.Model, options.Connections, options.Rate, startedAt, elapsed, requisites);
            return run.NothingConnected ? report with { Failure = $"no connection to {options.Target.Authority} could be opened" } : report;
        }

        system.ActorOf(Props.Create(() => new LoadSupervisor(run, createLoop, builder, Build, progress, completion)), "load");
        using (cancellationToken.Register(run.Stop))
        {
            return await completion.Task.ConfigureAwait(false);
        }
    }
}
