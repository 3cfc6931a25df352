using Crawler.Actors.Runtime;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

public sealed class MailboxTests : ActorTestBase
{
    [Fact]
    public async Task TellAsync_BoundedMailboxFull_WaitsUntilRoomThenDelivers()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new GatedActor(probe, gate.Task)).WithMailbox(MailboxOptions.Bounded(2)), "gated");
        await actor.TellAsync("m0");
        await probe.ExpectMsgAsync("start m0");
        await actor.TellAsync("m1");
        await actor.TellAsync("m2");

        var waiting = actor.TellAsync("m3").AsTask();
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.False(waiting.IsCompleted);

        gate.SetResult();
        await waiting.WaitAsync(TestTimeouts.Default);
        var rest = await probe.ReceiveNAsync<string>(7);
        Assert.Equal(["end m0", "start m1", "end m1", "start m2", "end m2", "start m3", "end m3"], rest);
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task TellAsync_Cancelled_WhileWaitingForRoom_Throws()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new GatedActor(probe, gate.Task)).WithMailbox(MailboxOptions.Bounded(1)), "gated");
        actor.Tell("m0");
        await probe.ExpectMsgAsync("start m0");
        actor.Tell("m1");
        using var cts = new CancellationTokenSource();
        var waiting = actor.TellAsync("m2", cancellationToken: cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TestTimeouts.Default));
        gate.SetResult();
    }

    [Fact]
    public async Task Tell_BoundedDropNewest_Full_SendsNewMessageToDeadLetters()
    {
        var probe = CreateTestProbe();
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new GatedActor(probe, gate.Task)).WithMailbox(MailboxOptions.Bounded(2)), "gated");
        actor.Tell("m0");
        await probe.ExpectMsgAsync("start m0");
        actor.Tell("m1");
        actor.Tell("m2");
        actor.Tell("m3", probe);

        var letter = await letters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal("m3", letter.Message);
        Assert.Equal(probe, letter.Sender);
        Assert.Equal(actor, letter.Recipient);
        Assert.Equal(1, Sys.DeadLetterCount);
        gate.SetResult();
        Assert.Equal(["end m0", "start m1", "end m1", "start m2", "end m2"], await probe.ReceiveNAsync<string>(5));
    }

    [Fact]
    public async Task Tell_BoundedDropOldest_Full_SendsOldestToDeadLetters()
    {
        var probe = CreateTestProbe();
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(
            Props.Create(() => new GatedActor(probe, gate.Task)).WithMailbox(MailboxOptions.Bounded(2, MailboxOverflow.DropOldest)), "gated");
        actor.Tell("m0");
        await probe.ExpectMsgAsync("start m0");
        actor.Tell("m1");
        actor.Tell("m2");
        await actor.TellAsync("m3");

        Assert.Equal("m1", (await letters.ExpectMsgAsync<DeadLetter>()).Message);
        gate.SetResult();
        Assert.Equal(["end m0", "start m2", "end m2", "start m3", "end m3"], await probe.ReceiveNAsync<string>(5));
    }

    [Fact]
    public async Task SystemMessages_GoAheadOfQueuedUserMessages()
    {
        var probe = CreateTestProbe();
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new GatedActor(probe, gate.Task)), "gated");
        await probe.WatchAsync(actor);
        actor.Tell("m0");
        await probe.ExpectMsgAsync("start m0");
        for (var i = 1; i <= 10; i++)
        {
            actor.Tell("m" + i);
        }

        Sys.Stop(actor);
        gate.SetResult();
        await probe.ExpectMsgAsync("end m0");
        await probe.ExpectTerminatedAsync(actor);
        var dropped = await letters.ReceiveNAsync<DeadLetter>(10);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => "m" + i), dropped.Select(d => d.Message));
        Assert.Equal(10, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task Tell_RacingWithStop_EveryMessageHandledOrDeadLettered()
    {
        // Two senders keep telling while the actor stops (and a little after): the lock-free mailbox must neither lose a
        // message that lands during Close nor count one twice. Bounded in count, so it ends even if the stop never came.
        const int MaxPerSender = 500_000;
        const int AfterStop = 2_000;
        var probe = CreateTestProbe();
        var counter = new HandledCounter();
        var actor = Sys.ActorOf(Props.Create(() => new CountingActor(counter)), "counted");
        await probe.WatchAsync(actor);
        var stopping = 0;
        var senders = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var sent = 0;
            var extra = 0;
            while (sent < MaxPerSender && extra < AfterStop)
            {
                actor.Tell(sent++);
                if (Volatile.Read(ref stopping) == 1)
                {
                    extra++;
                }
            }

            return sent;
        })).ToArray();

        await counter.Started.WaitAsync(TestTimeouts.Default);
        Sys.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);
        Volatile.Write(ref stopping, 1);
        var sentTotal = (await Task.WhenAll(senders).WaitAsync(TestTimeouts.Default)).Sum();

        Assert.Equal(sentTotal, counter.Handled + Sys.DeadLetterCount);
    }

    [Fact]
    public void Bounded_CapacityBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MailboxOptions.Bounded(0));

    private sealed class GatedActor : ReceiveActor
    {
        public GatedActor(IActorRef probe, Task gate)
        {
            ReceiveAsync<string>(async s =>
            {
                probe.Tell("start " + s);
                await gate;
                probe.Tell("end " + s);
            });
        }
    }

    private sealed class HandledCounter
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _handled;

        public Task Started => _started.Task;

        public long Handled => Interlocked.Read(ref _handled);

        public void Add()
        {
            if (Interlocked.Increment(ref _handled) == 1_000)
            {
                _started.TrySetResult();
            }
        }
    }

    private sealed class CountingActor : ReceiveActor
    {
        public CountingActor(HandledCounter counter) => Receive<int>(_ => counter.Add());
    }
}
