using System.Collections.Concurrent;
using Crawler.Actors.Runtime;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

public sealed class LifecycleTests : ActorTestBase
{
    private readonly ConcurrentQueue<string> _events = new();

    [Fact]
    public async Task Terminate_StopsChildrenBeforeParents_AndCompletesWhenTerminated()
    {
        var probe = CreateTestProbe();
        var a = Sys.ActorOf(Props.Create(() => new TreeActor(_events)), "a");
        var b = await Spawn(a, "b", probe);
        await Spawn(b, "c", probe);
        await Spawn(a, "d", probe);

        Assert.True(await Sys.Terminate(TestTimeouts.Default));
        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);

        var order = _events.Where(e => e.StartsWith("stop ", StringComparison.Ordinal)).Select(e => e[5..]).ToList();
        Assert.Equal(4, order.Count);
        Assert.True(order.IndexOf("/user/a/b/c") < order.IndexOf("/user/a/b"));
        Assert.True(order.IndexOf("/user/a/b") < order.IndexOf("/user/a"));
        Assert.True(order.IndexOf("/user/a/d") < order.IndexOf("/user/a"));
    }

    [Fact]
    public async Task Stop_Parent_StopsWholeSubtreeChildrenFirst()
    {
        var probe = CreateTestProbe();
        var a = Sys.ActorOf(Props.Create(() => new TreeActor(_events)), "a");
        var b = await Spawn(a, "b", probe);
        await Spawn(b, "c", probe);
        await probe.WatchAsync(a);
        Sys.Stop(a);
        await probe.ExpectTerminatedAsync(a);
        Assert.Equal(["stop /user/a/b/c", "stop /user/a/b", "stop /user/a"], _events.Where(e => e.StartsWith("stop", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PreStart_RunsBeforeFirstMessage()
    {
        var probe = CreateTestProbe();
        var a = Sys.ActorOf(Props.Create(() => new TreeActor(_events)), "a");
        await Spawn(a, "b", probe);
        Assert.Equal("start /user/a", _events.First());
    }

    [Fact]
    public async Task Terminate_ActorStuckInAsyncHandler_GivesUpAfterTimeout()
    {
        var stuck = Sys.ActorOf(Props.Create(() => new StuckActor()), "stuck");
        var probe = CreateTestProbe();
        stuck.Tell("hang", probe);
        await probe.ExpectMsgAsync("hanging");
        Assert.False(await Sys.Terminate(TimeSpan.FromMilliseconds(50)));
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task ActorOf_AfterTerminate_Throws()
    {
        await Sys.Terminate(TestTimeouts.Default);
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new TreeActor(_events)), "late"));
    }

    [Fact]
    public async Task Children_And_Child_ReflectLiveChildren()
    {
        var probe = CreateTestProbe();
        var a = Sys.ActorOf(Props.Create(() => new TreeActor(_events)), "a");
        var b = await Spawn(a, "b", probe);
        a.Tell("children", probe);
        Assert.Equal(["b"], await probe.ExpectMsgAsync<string[]>());
        await probe.WatchAsync(b);
        b.Tell(PoisonPill.Instance);
        await probe.ExpectTerminatedAsync(b);
        a.Tell("children", probe);
        Assert.Empty(await probe.ExpectMsgAsync<string[]>());
    }

    private static async Task<IActorRef> Spawn(IActorRef parent, string name, TestProbe probe)
    {
        parent.Tell(new SpawnChild(name), probe);
        return await probe.ExpectMsgAsync<IActorRef>();
    }

    private sealed record SpawnChild(string Name);

    private sealed class TreeActor : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _events;

        public TreeActor(ConcurrentQueue<string> events)
        {
            _events = events;
            Receive<SpawnChild>(s => Sender.Tell(Context.ActorOf(Props.Create(() => new TreeActor(events)), s.Name)));
            Receive<string>(s => s == "children", _ =>
            {
                Assert.Equal(Context.Children.Count == 1, Context.Child("b") is not null);
                Sender.Tell(Context.Children.Select(c => c.Path[(c.Path.LastIndexOf('/') + 1)..]).ToArray());
            });
        }

        protected override void PreStart() => _events.Enqueue("start " + Self.Path);

        protected override void PostStop() => _events.Enqueue("stop " + Self.Path);
    }

    private sealed class StuckActor : ReceiveActor
    {
        public StuckActor()
        {
            var never = new TaskCompletionSource();
            ReceiveAsync<string>(async _ =>
            {
                Sender.Tell("hanging");
                await never.Task;
            });
        }
    }
}
