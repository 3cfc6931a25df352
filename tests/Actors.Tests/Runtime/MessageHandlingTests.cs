using Crawler.Actors.Runtime;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

public sealed class MessageHandlingTests : ActorTestBase
{
    [Theory]
    [InlineData(1)]
    [InlineData(Mailbox.MaxMessagesPerTurn)]
    [InlineData(Mailbox.MaxMessagesPerTurn + 1)]
    [InlineData(10_000)]
    public async Task Tell_ManyFromOneSender_ArriveInOrder(int count)
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        for (var i = 0; i < count; i++)
        {
            echo.Tell(i, probe);
        }

        var received = await probe.ReceiveNAsync<int>(count);
        Assert.Equal(Enumerable.Range(0, count), received);
    }

    [Fact]
    public async Task Tell_FromFourConcurrentSenders_KeepsEachSendersOrder()
    {
        const int PerSender = 5_000;
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                echo.Tell((sender, i), probe);
            }
        })));

        var received = await probe.ReceiveNAsync<(int Sender, int Seq)>(4 * PerSender);
        foreach (var group in received.GroupBy(m => m.Sender))
        {
            Assert.Equal(Enumerable.Range(0, PerSender), group.Select(m => m.Seq));
        }
    }

    [Fact]
    public async Task ReceiveAsync_AwaitedWork_FinishesBeforeNextMessageStarts()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(probe, gate.Task)), "async");
        actor.Tell("first");
        actor.Tell("second");
        await probe.ExpectMsgAsync("start first");
        await probe.ExpectNoMsgAsync();
        gate.SetResult();
        await probe.ExpectMsgAsync("end first");
        await probe.ExpectMsgAsync("start second");
        await probe.ExpectMsgAsync("end second");
    }

    [Fact]
    public async Task Receive_WithPredicate_FallsThroughToNextHandler()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new PredicateActor()), "pred");
        actor.Tell(5, probe);
        actor.Tell(50, probe);
        actor.Tell("other", probe);
        await probe.ExpectMsgAsync("small 5");
        await probe.ExpectMsgAsync("large 50");
        await probe.ExpectMsgAsync("any other");
    }

    [Fact]
    public async Task Unhandled_Message_GoesToDeadLettersAndIsCounted()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var before = Sys.DeadLetterCount;
        actor.Tell(3.5, probe);
        var letter = await probe.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(3.5, letter.Message);
        Assert.Equal(actor, letter.Recipient);
        Assert.Equal(before + 1, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task BecomeAndUnbecome_SwapHandlerTables()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()), "mood");
        actor.Tell("how", probe);
        actor.Tell("angry", probe);
        actor.Tell("how", probe);
        actor.Tell("calm", probe);
        actor.Tell("how", probe);
        Assert.Equal(["happy", "grr", "happy"], await probe.ReceiveNAsync<string>(3));
    }

    [Fact]
    public async Task Receive_AfterConstruction_IsRejected()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new LateRegistrationActor()), "late");
        actor.Tell("go", probe);
        var error = await probe.ExpectMsgAsync<InvalidOperationException>();
        Assert.Contains("constructor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorConstructor_OutsideActorOf_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EchoActor());
        Assert.Contains("ActorOf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a b")]
    public void ActorOf_InvalidName_Throws(string name)
    {
        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), name));
        Assert.Equal(name, error.Name);
    }

    [Fact]
    public void ActorOf_DuplicateName_ThrowsNamingTheParent()
    {
        Sys.ActorOf(Props.Create(() => new EchoActor()), "twin");
        var error = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new EchoActor()), "twin"));
        Assert.Contains("/user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_NestUnderUserGuardian_AndRefsCompareByPathAndIncarnation()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor()), "crawl");
        parent.Tell("make fetchers", probe);
        var child = await probe.ExpectMsgAsync<IActorRef>();
        Assert.Equal("/user/crawl/fetchers", child.Path);
        Assert.Equal("/user/crawl", parent.Path);

        await probe.WatchAsync(parent);
        Sys.Stop(parent);
        await probe.ExpectTerminatedAsync(parent);
        var again = Sys.ActorOf(Props.Create(() => new ParentActor()), "crawl");
        Assert.Equal(parent.Path, again.Path);
        Assert.NotEqual(parent, again);
    }

    private sealed class EchoActor : ReceiveActor
    {
        public EchoActor()
        {
            Receive<int>(i => Sender.Tell(i));
            Receive<string>(s => Sender.Tell(s));
            Receive<(int, int)>(t => Sender.Tell(t));
        }
    }

    private sealed class AsyncActor : ReceiveActor
    {
        public AsyncActor(IActorRef probe, Task gate)
        {
            ReceiveAsync<string>(async s =>
            {
                probe.Tell("start " + s);
                await gate;
                probe.Tell("end " + s);
            });
        }
    }

    private sealed class PredicateActor : ReceiveActor
    {
        public PredicateActor()
        {
            Receive<int>(i => i < 10, i => Sender.Tell($"small {i}"));
            Receive<int>(i => Sender.Tell($"large {i}"));
            ReceiveAny(o => Sender.Tell($"any {o}"));
        }
    }

    private sealed class MoodActor : ReceiveActor
    {
        public MoodActor()
        {
            Receive<string>(s => s == "how", _ => Sender.Tell("happy"));
            Receive<string>(s => s == "angry", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "how", _ => Sender.Tell("grr"));
                Receive<string>(s => s == "calm", _ => Unbecome());
            }));
        }
    }

    private sealed class LateRegistrationActor : ReceiveActor
    {
        public LateRegistrationActor()
        {
            Receive<string>(_ =>
            {
                try
                {
                    Receive<int>(_ => { });
                }
                catch (InvalidOperationException e)
                {
                    Sender.Tell(e);
                }
            });
        }
    }

    private sealed class ParentActor : ReceiveActor
    {
        public ParentActor()
        {
            Receive<string>(_ => Sender.Tell(Context.ActorOf(Props.Create(() => new EchoActor()), "fetchers")));
        }
    }
}
