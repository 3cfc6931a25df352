using System.Diagnostics;
using Crawler.Actors.Runtime;
using Crawler.Actors.Runtime.Routing;
using Crawler.TestSupport.Actors;
using Xunit.Abstractions;

namespace Crawler.Actors.Tests.Runtime;

public sealed class StressTests(ITestOutputHelper output) : ActorTestBase
{
    private const int Messages = 1_000_000;
    private const int Workers = 8;
    private const double FailureRate = 0.001;
    private const int Seed = 20261123;

    // Generous for a shared 2-core machine; the run takes about a second when it has the cores to itself.
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MillionMessages_ThroughEightRestartingWorkers_NoneLost(bool hashing)
    {
        var random = new Random(Seed);
        var fails = new bool[Messages];
        for (var i = 0; i < Messages; i++)
        {
            fails[i] = random.NextDouble() < FailureRate;
        }

        var expectedFailures = fails.Count(f => f);
        var outcomes = new int[Messages];
        var all = new TaskCompletionSource<Tally>(TaskCreationOptions.RunContinuationsAsynchronously);
        var collector = Sys.ActorOf(Props.Create(() => new Collector(outcomes, all)), "collector");
        RouterPool pool = hashing ? new ConsistentHashingPool(Workers) : new RoundRobinPool(Workers);
        var router = Sys.ActorOf(Props.Create(() => new Worker(fails)).WithRouter(pool), "workers");

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Messages; i++)
        {
            router.Tell(new Job(i), collector);
        }

        var tally = await all.Task.WaitAsync(s_limit);
        watch.Stop();
        output.WriteLine($"{(hashing ? "hashing" : "round-robin")}: {Messages:N0} jobs, {tally.Failed} failed and handed back, {tally.Processed:N0} processed in {watch.ElapsedMilliseconds} ms ({Messages / watch.Elapsed.TotalSeconds:N0} jobs/s plus as many replies)");

        Assert.Equal(expectedFailures, tally.Failed);
        Assert.Equal(Messages - expectedFailures, tally.Processed);
        Assert.True(expectedFailures > 500, "the seed should inject about a thousand failures");
        for (var i = 0; i < Messages; i++)
        {
            Assert.True(outcomes[i] == (fails[i] ? -1 : 1), $"job {i} outcome {outcomes[i]}");
        }

        Assert.Equal(0, Sys.DeadLetterCount);
    }

    private sealed record Job(int Id) : IConsistentHashable
    {
        public object HashKey => Id;
    }

    private sealed record Processed(int Id);

    private sealed record Failed(int Id);

    private sealed record Tally(int Processed, int Failed);

    private sealed class Worker : ReceiveActor
    {
        public Worker(bool[] fails)
        {
            Receive<Job>(job =>
            {
                if (fails[job.Id])
                {
                    throw new InvalidOperationException($"injected failure on job {job.Id}");
                }

                Sender.Tell(new Processed(job.Id));
            });
        }

        // The failing job is not redelivered; hand it back so the sender can account for it (a fetcher returns its URL).
        protected override void PreRestart(Exception reason, object? message)
        {
            if (message is Job job)
            {
                Sender.Tell(new Failed(job.Id));
            }

            base.PreRestart(reason, message);
        }
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(int[] outcomes, TaskCompletionSource<Tally> all)
        {
            var processed = 0;
            var failed = 0;
            Receive<Processed>(p =>
            {
                outcomes[p.Id]++;
                processed++;
                Check();
            });
            Receive<Failed>(f =>
            {
                outcomes[f.Id]--;
                failed++;
                Check();
            });

            void Check()
            {
                if (processed + failed == Messages)
                {
                    all.TrySetResult(new Tally(processed, failed));
                }
            }
        }
    }
}
