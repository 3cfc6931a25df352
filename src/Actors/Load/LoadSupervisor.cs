using Crawler.Actors.Runtime;

namespace Crawler.Actors.Load;

/// <summary>
/// Runs one load test: starts a <see cref="LoadWorkerActor"/> per connection (or virtual user), stops them
/// when the duration is over, merges their per-second snapshots into the time series and their totals into
/// the report, and completes <paramref name="completion"/> with it once every worker has reported.
/// </summary>
internal sealed class LoadSupervisor : ReceiveActor
{
    // Checking 10 times per timeout keeps a timed-out request at most 10 % over its limit, and a 5 s
    // timeout costs one tick per worker every 500 ms; never more often than every 50 ms.
    private const int WatchdogChecksPerTimeout = 10;
    private static readonly TimeSpan MinWatchdogInterval = TimeSpan.FromMilliseconds(50);

    private readonly LoadRunContext _run;
    private readonly Func<int, Action<LoadIntervalSnapshot>, ILoadLoop> _createLoop;
    private readonly LoadReportBuilder _builder;
    private readonly Func<LoadReportBuilder, TimeSpan, LoadReport> _build;
    private readonly Action<LoadProgress>? _progress;
    private readonly TaskCompletionSource<LoadReport> _completion;

    public LoadSupervisor(
        LoadRunContext run,
        Func<int, Action<LoadIntervalSnapshot>, ILoadLoop> createLoop,
        LoadReportBuilder builder,
        Func<LoadReportBuilder, TimeSpan, LoadReport> build,
        Action<LoadProgress>? progress,
        TaskCompletionSource<LoadReport> completion)
    {
        _run = run;
        _createLoop = createLoop;
        _builder = builder;
        _build = build;
        _progress = progress;
        _completion = completion;

        Receive<LoadIntervalSnapshot>(_builder.Add);
        Receive<LoadWorkerResult>(OnWorkerResult);
        Receive<ProgressTick>(_ => OnProgress());
        Receive<DurationElapsed>(_ => _run.Stop());
    }

    protected override void PreStart()
    {
        // The clocks start before the workers do: a worker may run (on another thread) before this method returns,
        // and the duration must not begin later than the load it bounds.
        Timers.StartPeriodicTimer("progress", ProgressTick.Instance, TimeSpan.FromSeconds(1));
        if (_run.Options.Requests is null && _run.Options.Model != LoadModel.Open)
        {
            Timers.StartSingleTimer("duration", DurationElapsed.Instance, _run.Options.Duration);
        }

        var self = Self;
        void Publish(LoadIntervalSnapshot snapshot) => self.Tell(snapshot);
        var watchdog = TimeSpan.FromTicks(Math.Max(MinWatchdogInterval.Ticks, _run.Options.Timeout.Ticks / WatchdogChecksPerTimeout));
        for (var i = 0; i < _run.Workers; i++)
        {
            var loop = _createLoop(i, Publish);
            Context.ActorOf(Props.Create(() => new LoadWorkerActor(loop, watchdog, _run.TimeProvider)), $"worker-{i}");
        }
    }

    protected override void PostStop()
    {
        // Stopped from outside (system shutdown) before every worker reported: release whoever waits.
        _run.Stop();
        _completion.TrySetCanceled();
    }

    private void OnWorkerResult(LoadWorkerResult result)
    {
        _builder.Add(result);
        if (_builder.WorkersFinished < _run.Workers)
        {
            return;
        }

        var elapsed = _run.TimeProvider.GetElapsedTime(_run.StartTimestamp);
        _completion.TrySetResult(_build(_builder, elapsed));
        Context.Stop(Self);
    }

    private void OnProgress()
    {
        if (_progress is null)
        {
            return;
        }

        var now = _run.TimeProvider.GetTimestamp();
        var lastSecond = _run.SecondOf(now) - 1;
        var (operations, errors, p99) = lastSecond >= 0 ? _builder.SecondSummary(lastSecond) : (0, 0, 0);
        _progress(new LoadProgress(_run.TimeProvider.GetElapsedTime(_run.StartTimestamp), operations, errors, p99, _builder.OperationsPublished));
    }
}
