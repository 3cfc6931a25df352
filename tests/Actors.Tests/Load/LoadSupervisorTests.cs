using System.Collections.Concurrent;
using Crawler.Actors.Load;
using Crawler.Actors.Runtime;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Load;

public sealed class LoadSupervisorTests : ActorTestBase
{
    [Fact]
    public async Task Supervisor_OnFakeClock_ReportsProgressStopsAtDurationAndMergesWorkers()
    {
        var options = new LoadOptions { Target = Url.Parse("http://127.0.0.1:1/"), Connections = 2, Duration = TimeSpan.FromSeconds(3) };
        var pool = new LatencyHistogramPool();
        using var run = new LoadRunContext(options, Time, pool);
        run.Start(Time.GetTimestamp());
        var loops = new ConcurrentBag<ScriptedLoop>();
        var published = new CountdownEvent(2);
        var progress = new ConcurrentQueue<LoadProgress>();
        var progressed = new SemaphoreSlim(0);
        var completion = new TaskCompletionSource<LoadReport>(TaskCreationOptions.RunContinuationsAsynchronously);

        Sys.ActorOf(
            Props.Create(() => new LoadSupervisor(
                run,
                (id, publish) =>
                {
                    var loop = new ScriptedLoop(id, run, publish, published);
                    loops.Add(loop);
                    return loop;
                },
                new LoadReportBuilder(pool),
                (b, elapsed) => b.Build("t", LoadModel.Closed, 2, null, DateTimeOffset.UnixEpoch, elapsed),
                p =>
                {
                    progress.Enqueue(p);
                    progressed.Release();
                },
                completion)),
            "load");

        Assert.True(published.Wait(TestTimeouts.Default), "workers did not publish their first second");
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await progressed.WaitAsync(TestTimeouts.Default), "no progress after one second");
        var first = Assert.Single(progress);
        Assert.Equal(10, first.OperationsLastSecond);
        Assert.Equal(10, first.OperationsSoFar);
        Assert.Equal(5_000, first.P99NanosecondsLastSecond);
        Assert.False(run.Stopping);

        Time.Advance(TimeSpan.FromSeconds(2));
        var report = await completion.Task.WaitAsync(TestTimeouts.Default);

        Assert.True(run.Stopping);
        Assert.Equal(12, report.Operations);
        Assert.Equal([10L, 2L], report.Series.Select(s => s.Requests));
        Assert.Equal(TimeSpan.FromSeconds(3), report.Elapsed);
        Assert.All(loops, l => Assert.True(l.TimeoutChecks > 0, "the watchdog never ran"));
    }

    /// <summary>Records five operations in second 0 and one in second 1 at once, then waits for the run to stop.</summary>
    private sealed class ScriptedLoop(int id, LoadRunContext run, Action<LoadIntervalSnapshot> publish, CountdownEvent published) : ILoadLoop
    {
        private readonly LoadWorkerTally _tally = new(id, false, run.Pool, publish);
        private int _timeoutChecks;

        public int TimeoutChecks => Volatile.Read(ref _timeoutChecks);

        public async Task<LoadWorkerResult> RunAsync()
        {
            for (var i = 0; i < 5; i++)
            {
                _tally.Response(0, 200, 100);
                _tally.Completed(0, 1_000 * (i + 1), 0);
            }

            _tally.Completed(1, 1_000, 0);
            published.Signal();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, run.StopToken);
            }
            catch (OperationCanceledException)
            {
                // Stopped by the supervisor's duration timer: the expected way out.
            }

            return _tally.Finish();
        }

        public void CheckTimeout(long now) => Interlocked.Increment(ref _timeoutChecks);
    }
}
