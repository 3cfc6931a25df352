using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Crawler.Actors.Runtime;

namespace Crawler.Benchmarks.Actors;

/// <summary>
/// One message bouncing between two parties, <see cref="RoundTrips"/> times: latency-bound, so it measures the cost of
/// waking the other side. The baseline does the same with two raw channels and two reader loops.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
#pragma warning disable CA1001 // The system is terminated in [GlobalCleanup], BenchmarkDotNet's dispose.
public class PingPongBenchmarks
#pragma warning restore CA1001
{
    public const int RoundTrips = 20_000;

    private static readonly object s_ball = new();

    private ActorSystem _system = null!;
    private IActorRef _ponger = null!;
    private IActorRef _pinger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem("bench");
        _ponger = _system.ActorOf(Props.Create(() => new Ponger()), "ponger");
        _pinger = _system.ActorOf(Props.Create(() => new Pinger()), "pinger");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips * 2)]
#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods.
    public async Task RawChannels()
#pragma warning restore CA1822
    {
        var toB = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var toA = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var b = Task.Run(async () =>
        {
            var seen = 0;
            while (seen < RoundTrips && await toB.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (seen < RoundTrips && toB.Reader.TryRead(out var ball))
                {
                    seen++;
                    toA.Writer.TryWrite(ball);
                }
            }
        });
        var returned = 0;
        toB.Writer.TryWrite(s_ball);
        while (returned < RoundTrips && await toA.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (returned < RoundTrips && toA.Reader.TryRead(out var ball))
            {
                if (++returned < RoundTrips)
                {
                    toB.Writer.TryWrite(ball);
                }
            }
        }

        await b.ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = RoundTrips * 2)]
    public Task Actors()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pinger.Tell(new Serve(_ponger, done));
        return done.Task;
    }

    private sealed record Serve(IActorRef Partner, TaskCompletionSource Done);

    private sealed class Pinger : ReceiveActor
    {
        public Pinger()
        {
            var returned = 0;
            TaskCompletionSource? done = null;
            Receive<Serve>(serve =>
            {
                returned = 0;
                done = serve.Done;
                serve.Partner.Tell(s_ball, Self);
            });
            ReceiveAny(ball =>
            {
                if (++returned < RoundTrips)
                {
                    Sender.Tell(ball, Self);
                }
                else
                {
                    done!.TrySetResult();
                }
            });
        }
    }

    private sealed class Ponger : ReceiveActor
    {
        public Ponger() => ReceiveAny(ball => Sender.Tell(ball, Self));
    }
}
