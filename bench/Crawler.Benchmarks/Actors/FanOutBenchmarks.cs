using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Crawler.Actors.Runtime;
using Crawler.Actors.Runtime.Routing;

namespace Crawler.Benchmarks.Actors;

/// <summary>
/// One producer spreading <see cref="Messages"/> over 8 consumers that each count what they get: throughput-bound.
/// The baseline is 8 raw channels with one long-lived reader loop each, counting and reporting exactly as the actors do;
/// the actor runs are 8 actors told directly, and the same behind a round-robin router.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
#pragma warning disable CA1001 // The system is terminated in [GlobalCleanup], BenchmarkDotNet's dispose.
public class FanOutBenchmarks
#pragma warning restore CA1001
{
    public const int Messages = 200_000;
    public const int Consumers = 8;

    private static readonly object s_item = new();

    private ActorSystem _system = null!;
    private IActorRef[] _consumers = null!;
    private IActorRef _router = null!;
    private Countdown _countdown = null!;
    private Channel<object>[] _channels = null!;
    private Task[] _readers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem("bench");
        _countdown = new Countdown();
        _consumers = [.. Enumerable.Range(0, Consumers).Select(i => _system.ActorOf(Props.Create(() => new Consumer(_countdown)), "c" + i))];
        _router = _system.ActorOf(Props.Create(() => new Consumer(_countdown)).WithRouter(new RoundRobinPool(Consumers)), "pool");

        // The baseline's readers live as long as the actors do and report as the actors do, so both sides pay the same
        // per-run cost: only the messages. (It used to create its channels and reader tasks inside the measured call.)
        _channels = [.. Enumerable.Range(0, Consumers).Select(_ => Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true }))];
        _readers = [.. _channels.Select(channel => Task.Run(() => ReadAllAsync(channel.Reader, _countdown)))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryComplete();
        }

        Task.WaitAll(_readers);
        _system.Terminate().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public Task RawChannels()
    {
        var done = _countdown.Reset(Messages);
        for (var i = 0; i < Messages; i++)
        {
            _channels[i % Consumers].Writer.TryWrite(s_item);
        }

        return done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task ActorsDirect()
    {
        var done = _countdown.Reset(Messages);
        for (var i = 0; i < Messages; i++)
        {
            _consumers[i % Consumers].Tell(s_item);
        }

        return done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task ActorsRoundRobinRouter()
    {
        var done = _countdown.Reset(Messages);
        for (var i = 0; i < Messages; i++)
        {
            _router.Tell(s_item);
        }

        return done;
    }

    private static async Task ReadAllAsync(ChannelReader<object> reader, Countdown countdown)
    {
        var count = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out _))
            {
                if (++count == 1_000)
                {
                    countdown.Signal(count);
                    count = 0;
                }
            }
        }
    }

    /// <summary>Shared by the consumers: completes when the expected number of messages has been counted.</summary>
    private sealed class Countdown
    {
        private int _left;
        private TaskCompletionSource _done = new();

        public Task Reset(int expected)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _left, expected);
            return _done.Task;
        }

        public void Signal(int count)
        {
            if (Interlocked.Add(ref _left, -count) == 0)
            {
                _done.TrySetResult();
            }
        }
    }

    private sealed class Consumer : ReceiveActor
    {
        public Consumer(Countdown countdown)
        {
            // Counted locally and reported in batches, as the raw readers count locally: the shared counter is not the subject.
            var count = 0;
            ReceiveAny(_ =>
            {
                if (++count == 1_000)
                {
                    countdown.Signal(count);
                    count = 0;
                }
            });
        }
    }
}
