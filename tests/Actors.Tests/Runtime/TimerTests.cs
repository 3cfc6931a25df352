using Crawler.Actors.Runtime;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

public sealed class TimerTests : ActorTestBase
{
    private TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task SingleTimer_FiresOnceWhenTimeAdvancesPastDelay()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe, Gate.Task)), "timers");
        actor.Tell(new StartSingle("tick", TimeSpan.FromSeconds(5)), probe);
        await probe.ExpectMsgAsync("started");
        Time.Advance(TimeSpan.FromSeconds(4));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromSeconds(1));
        await probe.ExpectMsgAsync("tick");
        Time.Advance(TimeSpan.FromMinutes(1));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task PeriodicTimer_FiresOncePerInterval()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe, Gate.Task)), "timers");
        actor.Tell(new StartPeriodic("beat", TimeSpan.FromSeconds(1)), probe);
        await probe.ExpectMsgAsync("started");
        Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["beat", "beat", "beat"], await probe.ReceiveNAsync<string>(3));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Cancel_QueuedTimerMessage_IsNotDelivered()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe, Gate.Task)), "timers");
        actor.Tell(new StartSingle("tick", TimeSpan.FromSeconds(1)), probe);
        await probe.ExpectMsgAsync("started");

        // While the actor is busy, Cancel is queued and then the timer fires behind it: by the time the actor
        // cancels, the timer's message is already in the mailbox, and must be discarded.
        actor.Tell(new Block(), probe);
        await probe.ExpectMsgAsync("blocked");
        actor.Tell(new CancelTimer("tick"), probe);
        Time.Advance(TimeSpan.FromSeconds(1));
        Gate.SetResult();
        await probe.ExpectMsgAsync("cancelled");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task StartUnderSameKey_ReplacesEarlierTimer()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe, Gate.Task)), "timers");
        actor.Tell(new StartSingle("first", TimeSpan.FromSeconds(1), Key: "k"), probe);
        actor.Tell(new StartSingle("second", TimeSpan.FromSeconds(2), Key: "k"), probe);
        await probe.ReceiveNAsync(2);
        Time.Advance(TimeSpan.FromSeconds(5));
        await probe.ExpectMsgAsync("second");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Timers_ActorStops_AreCancelled()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe, Gate.Task)), "timers");
        actor.Tell(new StartPeriodic("beat", TimeSpan.FromSeconds(1)), probe);
        await probe.ExpectMsgAsync("started");
        await probe.WatchAsync(actor);
        Sys.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);
        Assert.Equal(0, Time.ActiveTimers);
        Time.Advance(TimeSpan.FromSeconds(5));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task Timers_ActorRestarts_AreCancelled()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe, Gate.Task)), "timers");
        actor.Tell(new StartPeriodic("beat", TimeSpan.FromSeconds(1)), probe);
        await probe.ExpectMsgAsync("started");
        actor.Tell(new Fail(), probe);
        await probe.ExpectMsgAsync("restarted");
        Time.Advance(TimeSpan.FromSeconds(5));
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    private sealed record StartSingle(string Message, TimeSpan Delay, string? Key = null);

    private sealed record StartPeriodic(string Message, TimeSpan Interval);

    private sealed record CancelTimer(string Key);

    private sealed record Block;

    private sealed record Fail;

    private sealed class TimerActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public TimerActor(IActorRef probe, Task gate)
        {
            _probe = probe;
            Receive<StartSingle>(s =>
            {
                Timers.StartSingleTimer(s.Key ?? s.Message, s.Message, s.Delay);
                Sender.Tell("started");
            });
            Receive<StartPeriodic>(s =>
            {
                Timers.StartPeriodicTimer(s.Message, s.Message, s.Interval);
                Sender.Tell("started");
            });
            Receive<CancelTimer>(c =>
            {
                Timers.Cancel(c.Key);
                Sender.Tell("cancelled");
            });
            ReceiveAsync<Block>(async _ =>
            {
                Sender.Tell("blocked");
                await gate;
            });
            Receive<Fail>(_ => throw new InvalidOperationException("fail on purpose"));
            Receive<string>(s => probe.Tell(s));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");
    }
}
