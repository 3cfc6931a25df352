using Crawler.Actors.Runtime;
using Crawler.Actors.Runtime.Supervision;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

public sealed class SupervisionTests : ActorTestBase
{
    [Fact]
    public async Task Resume_AfterFailure_KeepsStateAndDropsFailingMessage()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(new OneForOneStrategy(_ => Directive.Resume), probe);
        var counter = await ChildOf(parent, probe, "counter");
        counter.Tell(1, probe);
        counter.Tell(new Boom("x"), probe);
        counter.Tell(1, probe);
        Assert.Equal([1, 2], await probe.ReceiveNAsync<int>(2));
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Restart_AfterFailure_MakesNewInstanceAndPreRestartGetsTheMessage()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(SupervisorStrategy.Default, probe);
        var counter = await ChildOf(parent, probe, "counter");
        counter.Tell(1, probe);
        Assert.Equal(1, await probe.ExpectMsgAsync<int>());
        var boom = new Boom("fetch http://a/");
        counter.Tell(boom, probe);
        var pre = await probe.ExpectMsgAsync<PreRestarted>();
        Assert.Equal(boom, pre.Message);
        Assert.Equal("fetch http://a/", pre.Reason.Message);
        Assert.Equal(probe, pre.SenderAtPreRestart);
        Assert.Equal("/user/parent/counter", (await probe.ExpectMsgAsync<PostStopped>()).Path);
        Assert.Equal("fetch http://a/", (await probe.ExpectMsgAsync<PostRestarted>()).Reason.Message);
        counter.Tell(1, probe);
        Assert.Equal(1, await probe.ExpectMsgAsync<int>());
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task Restart_KeepsRefAndMailbox_QueuedMessagesSurvive()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(SupervisorStrategy.Default, probe);
        var counter = await ChildOf(parent, probe, "counter");
        counter.Tell(new Boom("x"), probe);
        for (var i = 0; i < 5; i++)
        {
            counter.Tell(1, probe);
        }

        await probe.FishForMessageAsync<PostRestarted>();
        Assert.Equal([1, 2, 3, 4, 5], await probe.ReceiveNAsync<int>(5));
    }

    [Fact]
    public async Task Stop_AfterFailure_StopsChildAndWatchersHear()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(SupervisorStrategy.StoppingStrategy, probe);
        var counter = await ChildOf(parent, probe, "counter");
        await probe.WatchAsync(counter);
        counter.Tell(new Boom("x"), probe);
        await probe.FishForMessageAsync<PostStopped>();
        await probe.ExpectTerminatedAsync(counter);
    }

    [Fact]
    public async Task Escalate_ThroughTwoLevels_GrandparentRestartsParentWhichStopsChild()
    {
        var probe = CreateTestProbe();
        var grandparent = Supervisor(SupervisorStrategy.Default, probe, "grandparent");
        grandparent.Tell(new MakeChild("parent", new OneForOneStrategy(_ => Directive.Escalate)), probe);
        var parent = await probe.ExpectMsgAsync<IActorRef>();
        parent.Tell(new MakeChild("child", SupervisorStrategy.Default), probe);
        var child = await probe.ExpectMsgAsync<IActorRef>();
        await probe.WatchAsync(child);

        child.Tell(new Boom("deep"), probe);

        // The parent is restarted (its default PreRestart stops the failing child), not the child.
        var pre = await probe.FishForMessageAsync<PreRestarted>();
        Assert.Equal("/user/grandparent/parent", pre.Path);
        Assert.Null(pre.Message);
        Assert.Equal("deep", pre.Reason.Message);
        await probe.FishForMessageAsync<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public async Task Escalate_ReachingGuardian_StopsThatSubtreeOnly()
    {
        var probe = CreateTestProbe();
        var top = Supervisor(new OneForOneStrategy(_ => Directive.Escalate), probe, "top");
        var other = Supervisor(SupervisorStrategy.Default, probe, "other");
        var child = await ChildOf(top, probe, "child");
        await probe.WatchAsync(top);
        await probe.WatchAsync(child);

        child.Tell(new Boom("to the top"), probe);

        var gone = new HashSet<IActorRef>();
        for (var i = 0; i < 2; i++)
        {
            gone.Add((await probe.FishForMessageAsync<Terminated>()).ActorRef);
        }

        Assert.Equal(new HashSet<IActorRef> { top, child }, gone);
        other.Tell(new MakeChild("still-alive", SupervisorStrategy.Default), probe);
        await probe.FishForMessageAsync<IActorRef>();
    }

    [Fact]
    public async Task AllForOne_Restart_RestartsEverySibling()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(new AllForOneStrategy(_ => Directive.Restart), probe);
        var a = await ChildOf(parent, probe, "a");
        var b = await ChildOf(parent, probe, "b");
        a.Tell(1, probe);
        b.Tell(1, probe);
        b.Tell(1, probe);
        await probe.ReceiveNAsync<int>(3);

        a.Tell(new Boom("a failed"), probe);

        var restarted = new HashSet<string>();
        for (var i = 0; i < 2; i++)
        {
            restarted.Add((await probe.FishForMessageAsync<PostRestarted>()).Path);
        }

        Assert.Equal(new HashSet<string> { a.Path, b.Path }, restarted);
        b.Tell(1, probe);
        Assert.Equal(1, await probe.FishForMessageAsync<int>());
    }

    [Fact]
    public async Task AllForOne_Stop_StopsEverySibling()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(new AllForOneStrategy(_ => Directive.Stop), probe);
        var a = await ChildOf(parent, probe, "a");
        var b = await ChildOf(parent, probe, "b");
        await probe.WatchAsync(a);
        await probe.WatchAsync(b);
        a.Tell(new Boom("a failed"), probe);
        await probe.FishForMessageAsync<Terminated>(t => t.ActorRef.Equals(a) || t.ActorRef.Equals(b));
        await probe.FishForMessageAsync<Terminated>(t => t.ActorRef.Equals(a) || t.ActorRef.Equals(b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task RestartLimit_ExceededWithinWindow_StopsChild(int maxRetries)
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(new OneForOneStrategy(maxRetries, TimeSpan.FromMinutes(1), _ => Directive.Restart), probe);
        var counter = await ChildOf(parent, probe, "counter");
        await probe.WatchAsync(counter);
        for (var i = 0; i < maxRetries; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(10));
            counter.Tell(new Boom("again"), probe);
            await probe.FishForMessageAsync<PostRestarted>();
        }

        counter.Tell(new Boom("one too many"), probe);
        await probe.FishForMessageAsync<Terminated>(t => t.ActorRef.Equals(counter));
    }

    [Fact]
    public async Task RestartLimit_FailuresSpreadBeyondWindow_KeepsRestarting()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart), probe);
        var counter = await ChildOf(parent, probe, "counter");
        for (var i = 0; i < 6; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(45));
            counter.Tell(new Boom("now and then"), probe);
            await probe.FishForMessageAsync<PostRestarted>();
        }

        counter.Tell(1, probe);
        Assert.Equal(1, await probe.FishForMessageAsync<int>());
    }

    [Fact]
    public async Task ConstructorFailure_DefaultDecider_StopsInsteadOfLooping()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(SupervisorStrategy.Default, probe);
        parent.Tell(new MakeFailingChild("broken"), probe);
        var child = await probe.ExpectMsgAsync<IActorRef>();
        await probe.WatchAsync(child);
        await probe.ExpectTerminatedAsync(child);
    }

    [Fact]
    public void DefaultDecider_InitializationFailure_StopsAndOtherwiseRestarts()
    {
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException("/user/x", new InvalidOperationException("ctor"))));
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException("handler")));
    }

    [Fact]
    public async Task AsyncHandlerFailure_IsSupervisedLikeSyncOne()
    {
        var probe = CreateTestProbe();
        var parent = Supervisor(SupervisorStrategy.Default, probe);
        var counter = await ChildOf(parent, probe, "counter");
        counter.Tell(new AsyncBoom("later"), probe);
        var pre = await probe.ExpectMsgAsync<PreRestarted>();
        Assert.Equal(new AsyncBoom("later"), pre.Message);
    }

    private IActorRef Supervisor(SupervisorStrategy strategy, TestProbe probe, string name = "parent") =>
        Sys.ActorOf(Props.Create(() => new SupervisorActor(probe)).WithSupervisorStrategy(strategy), name);

    private static async Task<IActorRef> ChildOf(IActorRef parent, TestProbe probe, string name)
    {
        parent.Tell(new MakeChild(name, SupervisorStrategy.Default), probe);
        return await probe.ExpectMsgAsync<IActorRef>();
    }

    private sealed record Boom(string Reason);

    private sealed record AsyncBoom(string Reason);

    private sealed record MakeChild(string Name, SupervisorStrategy Strategy);

    private sealed record MakeFailingChild(string Name);

    private sealed record PreRestarted(string Path, Exception Reason, object? Message, IActorRef SenderAtPreRestart);

    private sealed record PostRestarted(string Path, Exception Reason);

    private sealed record PostStopped(string Path);

    private sealed class SupervisorActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public SupervisorActor(IActorRef probe)
        {
            _probe = probe;
            Receive<MakeChild>(m => Sender.Tell(Context.ActorOf(
                Props.Create(() => new SupervisorActor(probe)).WithSupervisorStrategy(m.Strategy), m.Name)));
            Receive<MakeFailingChild>(m => Sender.Tell(Context.ActorOf(Props.Create(() => new FailingConstructorActor()), m.Name)));
            var count = 0;
            Receive<int>(i => Sender.Tell(count += i));
            Receive<Boom>(b => throw new InvalidOperationException(b.Reason));
            ReceiveAsync<AsyncBoom>(async b =>
            {
                await Task.Yield();
                throw new InvalidOperationException(b.Reason);
            });
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell(new PreRestarted(Self.Path, reason, message, Sender));
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason) => _probe.Tell(new PostRestarted(Self.Path, reason));

        protected override void PostStop() => _probe.Tell(new PostStopped(Self.Path));
    }

    private sealed class FailingConstructorActor : ReceiveActor
    {
        public FailingConstructorActor() => throw new InvalidOperationException("cannot construct");
    }
}
