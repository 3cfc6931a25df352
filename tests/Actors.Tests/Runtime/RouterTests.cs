using Crawler.Actors.Runtime;
using Crawler.Actors.Runtime.Routing;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

public sealed class RouterTests : ActorTestBase
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 30)]
    [InlineData(8, 800)]
    public async Task RoundRobin_SpreadsMessagesEvenly(int routees, int messages)
    {
        var probe = CreateTestProbe();
        var pool = Sys.ActorOf(Props.Create(() => new Worker()).WithRouter(new RoundRobinPool(routees)), "pool");
        for (var i = 0; i < messages; i++)
        {
            pool.Tell(new Work(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), probe);
        }

        var replies = await probe.ReceiveNAsync<Done>(messages);
        var perRoutee = replies.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(routees, perRoutee.Count);
        Assert.All(perRoutee.Values, n => Assert.Equal(messages / routees, n));
        Assert.All(perRoutee.Keys, path => Assert.StartsWith("/user/pool/", path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SmallestMailbox_OneRouteeBusy_SendsToIdleOnes()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = Sys.ActorOf(Props.Create(() => new Worker(gate.Task)).WithRouter(new SmallestMailboxPool(3)), "pool");
        pool.Tell(new Block(), probe);
        var busy = (await probe.ExpectMsgAsync<Done>()).Path;

        for (var i = 0; i < 20; i++)
        {
            pool.Tell(new Work("w" + i), probe);
            var done = await probe.ExpectMsgAsync<Done>();
            Assert.NotEqual(busy, done.Path);
        }

        gate.SetResult();
    }

    [Fact]
    public async Task SmallestMailbox_AllBusy_PrefersShortestQueue()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = Sys.ActorOf(Props.Create(() => new Worker(gate.Task)).WithRouter(new SmallestMailboxPool(3)), "pool");
        for (var i = 0; i < 3; i++)
        {
            pool.Tell(new Block(), probe);
        }

        await probe.ReceiveNAsync<Done>(3);

        // Each routee tells Done from inside its Block turn, and a turn subtracts what it took from the mailbox count only
        // once the handler has suspended (Mailbox.Run): until then the router still counts that Block as queued and gives
        // the routee one Work fewer. Wait for the state the split below is about: every routee busy, nothing queued.
        var routees = (await pool.Ask<Routees>(GetRoutees.Instance, TimeSpan.FromSeconds(5)).WaitAsync(TestTimeouts.Default)).Members;
        AwaitAllBusyWithEmptyQueues(routees);

        // Every routee is blocked; queued work must spread so that no queue is longer than another by more than one.
        for (var i = 0; i < 9; i++)
        {
            pool.Tell(new Work("w" + i), probe);
        }

        // Work told while the router was still finishing its start-up backlog waits in the router's own mailbox and
        // is routed from there; GetRoutees goes through that mailbox too, so its answer means all nine are placed.
        await pool.Ask<Routees>(GetRoutees.Instance, TimeSpan.FromSeconds(5)).WaitAsync(TestTimeouts.Default);
        gate.SetResult();
        var replies = await probe.ReceiveNAsync<Done>(9);
        Assert.All(replies.GroupBy(r => r.Path), g => Assert.Equal(3, g.Count()));
    }

    [Fact]
    public async Task ConsistentHashing_SameKey_AlwaysSameRoutee()
    {
        var probe = CreateTestProbe();
        var pool = Sys.ActorOf(Props.Create(() => new Worker()).WithRouter(new ConsistentHashingPool(8)), "pool");
        const int Keys = 64;
        for (var round = 0; round < 5; round++)
        {
            for (var k = 0; k < Keys; k++)
            {
                pool.Tell(new Work("host-" + k), probe);
            }
        }

        var replies = await probe.ReceiveNAsync<Done>(5 * Keys);
        var byKey = replies.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Select(r => r.Path).Distinct().ToList());
        Assert.All(byKey.Values, paths => Assert.Single(paths));
        Assert.True(byKey.Values.Select(p => p[0]).Distinct().Count() >= 6, "64 keys should land on most of 8 routees");
    }

    [Fact]
    public async Task ConsistentHashing_RouteeRestarts_KeyStaysOnSameRoutee()
    {
        var probe = CreateTestProbe();
        var pool = Sys.ActorOf(Props.Create(() => new Worker()).WithRouter(new ConsistentHashingPool(8)), "pool");
        pool.Tell(new Work("example.com"), probe);
        var before = await probe.ExpectMsgAsync<Done>();

        pool.Tell(new Work("example.com", Fail: true), probe);
        pool.Tell(new Work("example.com"), probe);
        var after = await probe.ExpectMsgAsync<Done>();
        Assert.Equal(before.Path, after.Path);
        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(0, after.Count - 1);
    }

    [Fact]
    public async Task ConsistentHashing_RouteeStopped_ReplacedInSameSlotAndKeyFollows()
    {
        var probe = CreateTestProbe();
        var pool = Sys.ActorOf(Props.Create(() => new Worker()).WithRouter(new ConsistentHashingPool(8)), "pool");
        pool.Tell(new Work("example.com"), probe);
        var before = await probe.ExpectMsgAsync<Done>();

        pool.Tell(new Work("example.com", Stop: true), probe);
        await WaitForReplacement(pool, before.Path, before.Uid);
        pool.Tell(new Work("example.com"), probe);
        var after = await probe.ExpectMsgAsync<Done>();
        Assert.Equal(before.Path, after.Path);
        Assert.NotEqual(before.Uid, after.Uid);
    }

    [Fact]
    public async Task ConsistentHashing_MessageWithoutKey_GoesToDeadLetters()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        var pool = Sys.ActorOf(Props.Create(() => new Worker()).WithRouter(new ConsistentHashingPool(2)), "pool");
        pool.Tell(new Block());
        Assert.IsType<Block>((await letters.ExpectMsgAsync<DeadLetter>()).Message);
    }

    [Fact]
    public async Task ConsistentHashing_HashMapping_KeysPlainMessages()
    {
        var probe = CreateTestProbe();
        var pool = Sys.ActorOf(
            Props.Create(() => new Worker()).WithRouter(new ConsistentHashingPool(4) { HashMapping = m => (m as Plain)?.Host }), "pool");
        for (var i = 0; i < 10; i++)
        {
            pool.Tell(new Plain("a.example"), probe);
        }

        var replies = await probe.ReceiveNAsync<Done>(10);
        Assert.Single(replies.Select(r => r.Path).Distinct());
    }

    [Fact]
    public async Task Broadcast_ReachesEveryRoutee()
    {
        var probe = CreateTestProbe();
        var pool = Sys.ActorOf(Props.Create(() => new Worker()).WithRouter(new RoundRobinPool(5)), "pool");
        pool.Tell(new Broadcast(new Work("all")), probe);
        var replies = await probe.ReceiveNAsync<Done>(5);
        Assert.Equal(5, replies.Select(r => r.Path).Distinct().Count());
    }

    [Fact]
    public async Task PoisonPill_ToRouter_StopsRouterAndRoutees()
    {
        var probe = CreateTestProbe();
        var pool = Sys.ActorOf(Props.Create(() => new Worker()).WithRouter(new RoundRobinPool(3)), "pool");
        var routees = await pool.Ask<Routees>(GetRoutees.Instance, TimeSpan.FromSeconds(5)).WaitAsync(TestTimeouts.Default);
        Assert.Equal(["/user/pool/0", "/user/pool/1", "/user/pool/2"], routees.Members.Select(r => r.Path));
        foreach (var routee in routees.Members)
        {
            await probe.WatchAsync(routee);
        }

        await probe.WatchAsync(pool);
        pool.Tell(PoisonPill.Instance);
        var gone = await probe.ReceiveNAsync<Terminated>(4);
        Assert.Equal(pool, gone[^1].ActorRef);
    }

    /// <summary>
    /// Waits until each routee is inside its handler with an empty queue. Once a routee has told Done only the end of its
    /// turn (one subtraction) is left, and the state then holds until the gate opens, so this is reached, not hoped for.
    /// </summary>
    private static void AwaitAllBusyWithEmptyQueues(IReadOnlyList<IActorRef> routees)
    {
        var mailboxes = routees.Select(r => ((LocalActorRef)r).Cell.Mailbox).ToArray();

        // Count before the busy flag, in the order the router reads them (see SmallestMailboxRouter).
        var settled = SpinWait.SpinUntil(() => mailboxes.All(m => m.Count == 0 && m.IsProcessing), TestTimeouts.Default);
        Assert.True(settled, "every routee should be busy in its Block handler with nothing queued: "
            + string.Join(", ", mailboxes.Select(m => $"{m.Count} queued, busy {m.IsProcessing}")));
    }

    private static async Task WaitForReplacement(IActorRef pool, string path, long oldUid)
    {
        // Bounded: the replacement is one message away; poll at most 200 times within the default timeout.
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        for (var attempt = 0; attempt < 200 && DateTime.UtcNow < deadline; attempt++)
        {
            var routees = await pool.Ask<Routees>(GetRoutees.Instance, TimeSpan.FromSeconds(5)).WaitAsync(TestTimeouts.Default);
            if (routees.Members.Any(r => r.Path == path && r.Uid != oldUid))
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"routee {path} was not replaced");
    }

    private sealed record Work(string Key, bool Fail = false, bool Stop = false) : IConsistentHashable
    {
        public object HashKey => Key;
    }

    private sealed record Plain(string Host);

    private sealed record Block;

    private sealed record Done(string Key, string Path, long Uid, int Count);

    private sealed class Worker : ReceiveActor
    {
        public Worker(Task? gate = null)
        {
            var count = 0;
            Receive<Work>(w =>
            {
                if (w.Fail)
                {
                    throw new InvalidOperationException("injected");
                }

                if (w.Stop)
                {
                    Context.Stop(Self);
                    return;
                }

                Sender.Tell(new Done(w.Key, Self.Path, Self.Uid, ++count));
            });
            Receive<Plain>(p => Sender.Tell(new Done(p.Host, Self.Path, Self.Uid, ++count)));
            ReceiveAsync<Block>(async _ =>
            {
                Sender.Tell(new Done("block", Self.Path, Self.Uid, ++count));
                await (gate ?? Task.CompletedTask);
            });
        }
    }
}
