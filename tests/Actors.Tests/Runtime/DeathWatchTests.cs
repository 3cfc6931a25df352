using Crawler.Actors.Runtime;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

public sealed class DeathWatchTests : ActorTestBase
{
    [Fact]
    public async Task Watch_ActorStops_WatcherGetsTerminated()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new IdleActor()), "target");
        await probe.WatchAsync(target);
        Sys.Stop(target);
        var terminated = await probe.ExpectTerminatedAsync(target);
        Assert.Equal(target, probe.LastSender);
        Assert.Equal(target.Path, terminated.ActorRef.Path);
    }

    [Fact]
    public async Task Watch_AlreadyDeadActor_GetsTerminatedAtOnce()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new IdleActor()), "target");
        await probe.WatchAsync(target);
        Sys.Stop(target);
        await probe.ExpectTerminatedAsync(target);

        var late = CreateTestProbe();
        await late.WatchAsync(target);
        await late.ExpectTerminatedAsync(target);
    }

    [Fact]
    public async Task Unwatch_BeforeStop_NoTerminated()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new IdleActor()), "target");
        await probe.WatchAsync(target);
        await probe.UnwatchAsync(target);
        Sys.Stop(target);
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task PoisonPill_ProcessesEarlierMessagesThenStops()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new IdleActor()), "target");
        await probe.WatchAsync(target);
        target.Tell("a", probe);
        target.Tell("b", probe);
        target.Tell(PoisonPill.Instance);
        target.Tell("after", probe);
        await probe.ExpectMsgAsync("a");
        await probe.ExpectMsgAsync("b");
        await probe.ExpectTerminatedAsync(target);
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task ContextStopSelf_FromHandler_StopsAfterCurrentMessage()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new IdleActor()), "target");
        await probe.WatchAsync(target);
        target.Tell("stop", probe);
        target.Tell("never", probe);
        await probe.ExpectMsgAsync("stop");
        await probe.ExpectTerminatedAsync(target);
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Tell_ToStoppedActor_GoesToDeadLettersAndIsCounted()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new IdleActor()), "target");
        await probe.WatchAsync(target);
        Sys.Stop(target);
        await probe.ExpectTerminatedAsync(target);
        Sys.EventStream.Subscribe(probe, typeof(DeadLetter));
        var before = Sys.DeadLetterCount;
        for (var i = 0; i < 3; i++)
        {
            target.Tell("late " + i, probe);
        }

        var letters = await probe.ReceiveNAsync<DeadLetter>(3);
        Assert.Equal(["late 0", "late 1", "late 2"], letters.Select(l => l.Message));
        Assert.All(letters, l => Assert.Equal(probe, l.Sender));
        Assert.Equal(before + 3, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task WatchingActor_ReceivesTerminatedAsUserMessage()
    {
        var probe = CreateTestProbe();
        var target = Sys.ActorOf(Props.Create(() => new IdleActor()), "target");
        var watcher = Sys.ActorOf(Props.Create(() => new WatcherActor(target, probe)), "watcher");
        watcher.Tell("ready?", probe);
        await probe.ExpectMsgAsync("watching");
        target.Tell(PoisonPill.Instance);
        var terminated = await probe.ExpectMsgAsync<Terminated>();
        Assert.Equal(target, terminated.ActorRef);
    }

    [Fact]
    public async Task ParentWatchingItsChildren_Stopped_LeavesNoDeadLetters()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new WatchingParentActor(4)), "parent");
        parent.Tell("ready?", probe);
        await probe.ExpectMsgAsync("watching");
        await probe.WatchAsync(parent);
        Sys.Stop(parent);
        await probe.ExpectTerminatedAsync(parent);

        // The children's Terminated notices reach a parent that is itself terminating: dropped, not dead letters.
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    private sealed class IdleActor : ReceiveActor
    {
        public IdleActor()
        {
            Receive<string>(s => s == "stop", s =>
            {
                Sender.Tell(s);
                Context.Stop(Self);
            });
            Receive<string>(s => Sender.Tell(s));
        }
    }

    private sealed class WatcherActor : ReceiveActor
    {
        public WatcherActor(IActorRef target, IActorRef probe)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("watching"));
            Receive<Terminated>(t => probe.Tell(t));
        }
    }

    private sealed class WatchingParentActor : ReceiveActor
    {
        public WatchingParentActor(int children)
        {
            for (var i = 0; i < children; i++)
            {
                Context.Watch(Context.ActorOf(Props.Create(() => new IdleActor()), $"child-{i}"));
            }

            Receive<string>(_ => Sender.Tell("watching"));
        }
    }
}
