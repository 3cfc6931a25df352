using Crawler.Actors.Runtime;
using Crawler.Actors.Runtime.Supervision;
using Crawler.TestSupport.Actors;
using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Tests.Runtime;

public sealed class LoggingTests : ActorTestBase
{
    [Fact]
    public async Task DeadLetters_LoggedUpToLimit_ThenOnlyCounted()
    {
        var probe = CreateTestProbe();
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        var silent = Sys.ActorOf(Props.Create(() => new Failing()), "silent");
        const int Sent = ActorSystem.MaxLoggedDeadLetters + 5;
        for (var i = 0; i < Sent; i++)
        {
            silent.Tell(i, probe);
        }

        await letters.ReceiveNAsync<DeadLetter>(Sent);
        Assert.Equal(Sent, Sys.DeadLetterCount);
        var logged = Logs.Entries.Where(e => e.EventId.Id == 2).ToList();
        Assert.Equal(ActorSystem.MaxLoggedDeadLetters, logged.Count);
        Assert.Contains("Int32 from /user/probe-1 to /user/silent", logged[0].Message, StringComparison.Ordinal);
        Assert.Single(Logs.Entries, e => e.EventId.Id == 3);
    }

    [Fact]
    public async Task HandlerFailure_IsLoggedAsErrorWithException()
    {
        var probe = CreateTestProbe();
        var failing = Sys.ActorOf(Props.Create(() => new Failing()), "failing");
        failing.Tell("boom", probe);
        failing.Tell("ok?", probe);
        await probe.ExpectMsgAsync("ok?");
        var entry = Assert.Single(Logs.Entries, e => e.Level == LogLevel.Error && e.EventId.Id == 1);
        Assert.Contains("/user/failing", entry.Message, StringComparison.Ordinal);
        Assert.Equal("boom", entry.Exception?.Message);
    }

    [Fact]
    public async Task EscalationReachingGuardian_IsLogged()
    {
        var probe = CreateTestProbe();
        var top = Sys.ActorOf(
            Props.Create(() => new Parent()).WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Escalate)), "top");
        await probe.WatchAsync(top);
        top.Tell("boom", probe);
        await probe.ExpectTerminatedAsync(top);
        var entry = Assert.Single(Logs.Entries, e => e.EventId.Id == 4);
        Assert.Contains("/user/top", entry.Message, StringComparison.Ordinal);
        Assert.Equal("boom", entry.Exception?.Message);
    }

    private sealed class Failing : ReceiveActor
    {
        public Failing()
        {
            Receive<string>(s => s == "boom", s => throw new InvalidOperationException(s));
            Receive<string>(s => Sender.Tell(s));
        }
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            var child = Context.ActorOf(Props.Create(() => new Failing()), "child");
            Receive<string>(s => child.Tell(s, Sender));
        }
    }
}
