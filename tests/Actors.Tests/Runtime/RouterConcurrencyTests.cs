using Crawler.Actors.Runtime;
using Crawler.Actors.Runtime.Routing;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

/// <summary>
/// Routing happens on the senders' threads (and, for a backlog queued before the routees exist, on the router's own):
/// whatever the interleaving, every message reaches exactly one routee, and one sender's messages to one routee keep
/// their order.
/// </summary>
public sealed class RouterConcurrencyTests : ActorTestBase
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ManySenderThreads_EveryMessageArrivesOnce_InOrderPerSender(bool hashing)
    {
        const int Senders = 8;
        const int PerSender = 20_000;
        var log = new DeliveryLog(Senders, PerSender);
        RouterPool pool = hashing ? new ConsistentHashingPool(8) : new RoundRobinPool(8);
        var router = Sys.ActorOf(Props.Create(() => new Recorder(log)).WithRouter(pool), "pool");

        // Started together, so the first messages race with the router creating its routees.
        using var start = new Barrier(Senders);
        var senders = Enumerable.Range(0, Senders).Select(sender => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var seq = 0; seq < PerSender; seq++)
                {
                    router.Tell(new Numbered(sender, seq));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(senders).WaitAsync(TestTimeouts.Default);

        await log.AllArrived.WaitAsync(TestTimeouts.Default);
        Assert.Equal(0, log.OutOfOrder);
        Assert.All(log.Deliveries, n => Assert.Equal(1, n));
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task OneSender_ToRoutersStillStarting_KeepsOrderForOneKey()
    {
        const int Routers = 40;
        const int PerRouter = 2_000;
        for (var r = 0; r < Routers; r++)
        {
            var log = new DeliveryLog(1, PerRouter);
            var router = Sys.ActorOf(Props.Create(() => new Recorder(log)).WithRouter(new ConsistentHashingPool(8)), "pool" + r);

            // Told straight after creation: the first ones wait in the router's mailbox until its routees exist; the
            // later ones would be routed directly and overtake them, unless direct routing waits for that backlog.
            for (var seq = 0; seq < PerRouter; seq++)
            {
                router.Tell(new Numbered(0, seq));

                // Paced, so the router's start (a thread-pool turn away) lands in the middle of the stream.
                Thread.SpinWait(200);
            }

            await log.AllArrived.WaitAsync(TestTimeouts.Default);
            Assert.Equal(0, log.OutOfOrder);
            Assert.All(log.Deliveries, n => Assert.Equal(1, n));
        }
    }

    private sealed record Numbered(int Sender, int Seq) : IConsistentHashable
    {
        // Same key for all of one sender's messages, so with hashing each sender's stream stays on one routee.
        public object HashKey => Sender;
    }

    private sealed class DeliveryLog(int senders, int perSender)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _left = senders * perSender;
        private int _outOfOrder;

        public int[] Deliveries { get; } = new int[senders * perSender];

        public int OutOfOrder => Volatile.Read(ref _outOfOrder);

        public Task AllArrived => _all.Task;

        public int Senders => senders;

        public void Record(Numbered message, bool inOrder)
        {
            Interlocked.Increment(ref Deliveries[(message.Sender * perSender) + message.Seq]);
            if (!inOrder)
            {
                Interlocked.Increment(ref _outOfOrder);
            }

            if (Interlocked.Decrement(ref _left) == 0)
            {
                _all.TrySetResult();
            }
        }
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(DeliveryLog log)
        {
            // Per routee, the last sequence number seen from each sender: one sender's messages must arrive ascending.
            var last = Enumerable.Repeat(-1, log.Senders).ToArray();
            Receive<Numbered>(message =>
            {
                var inOrder = message.Seq > last[message.Sender];
                last[message.Sender] = message.Seq;
                log.Record(message, inOrder);
            });
        }
    }
}
