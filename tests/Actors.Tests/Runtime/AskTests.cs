using Crawler.Actors.Runtime;
using Crawler.TestSupport;
using Crawler.TestSupport.Actors;

namespace Crawler.Actors.Tests.Runtime;

public sealed class AskTests : ActorTestBase
{
    [Fact]
    public async Task Ask_TargetReplies_CompletesWithReply()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        var reply = await target.Ask<string>("hello", TimeSpan.FromSeconds(5)).WaitAsync(TestTimeouts.Default);
        Assert.Equal("HELLO", reply);
    }

    [Fact]
    public async Task Ask_StatusFailureReply_FaultsWithItsCause()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => target.Ask<string>(42, TimeSpan.FromSeconds(5)).WaitAsync(TestTimeouts.Default));
        Assert.Equal("no numbers", error.Message);
    }

    [Fact]
    public async Task Ask_NoReply_TimesOutOnSystemClockNamingTargetAndTimeout()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        var asking = target.Ask<string>(3.0, TimeSpan.FromSeconds(2));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(asking.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => asking.WaitAsync(TestTimeouts.Default));
        Assert.Equal("/user/responder", error.TargetPath);
        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
        Assert.Contains("/user/responder", error.Message, StringComparison.Ordinal);
        Assert.Contains("2000 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_DeadTarget_TimesOut()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        var probe = CreateTestProbe();
        await probe.WatchAsync(target);
        Sys.Stop(target);
        await probe.ExpectTerminatedAsync(target);
        var asking = target.Ask<string>("anyone?", TimeSpan.FromSeconds(1));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => asking.WaitAsync(TestTimeouts.Default));
    }

    [Fact]
    public async Task Ask_ReplyOfWrongType_FaultsNamingBothTypes()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        var error = await Assert.ThrowsAsync<InvalidCastException>(
            () => target.Ask<int>("text", TimeSpan.FromSeconds(5)).WaitAsync(TestTimeouts.Default));
        Assert.Contains("Int32", error.Message, StringComparison.Ordinal);
        Assert.Contains("String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Cancelled_CancelsTask()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        using var cts = new CancellationTokenSource();
        var asking = target.Ask<string>(3.0, TimeSpan.FromMinutes(1), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking.WaitAsync(TestTimeouts.Default));
    }

    private sealed class Responder : ReceiveActor
    {
        public Responder()
        {
            Receive<string>(s => Sender.Tell(s.ToUpperInvariant()));
            Receive<int>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("no numbers"))));
            Receive<double>(_ => { });
        }
    }
}
