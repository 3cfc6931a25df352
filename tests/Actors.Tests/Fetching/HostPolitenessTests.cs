using Crawler.TestSupport.Time;
using Crawler.Actors.Fetching;
using Crawler.TestSupport;

namespace Crawler.Actors.Tests.Fetching;

public sealed class HostPolitenessTests
{
    [Fact]
    public async Task Enter_PerHostCapReached_WaitsForALeaseToEnd()
    {
        var politeness = new HostPoliteness(perHost: 2, TimeSpan.Zero);
        using var first = await politeness.EnterAsync("a", CancellationToken.None);
        using var second = await politeness.EnterAsync("a", CancellationToken.None);

        var third = politeness.EnterAsync("a", CancellationToken.None);
        using var otherHost = await politeness.EnterAsync("b", CancellationToken.None).WaitAsync(TestTimeouts.Default);

        Assert.False(third.IsCompleted);
        first.Dispose();
        (await third.WaitAsync(TestTimeouts.Default)).Dispose();
    }

    [Fact]
    public async Task Enter_LeaseDisposedTwice_ReleasesOnlyOnce()
    {
        var politeness = new HostPoliteness(perHost: 1, TimeSpan.Zero);
        var lease = await politeness.EnterAsync("a", CancellationToken.None);
        lease.Dispose();
        lease.Dispose();

        using var again = await politeness.EnterAsync("a", CancellationToken.None);
        var blocked = politeness.EnterAsync("a", CancellationToken.None);

        Assert.False(blocked.IsCompleted);
    }

    [Fact]
    public async Task Enter_WithDelay_StartsAreSpacedByTheDelayOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var politeness = new HostPoliteness(perHost: 4, TimeSpan.FromSeconds(2), time);
        using var first = await politeness.EnterAsync("a", CancellationToken.None);

        var second = politeness.EnterAsync("a", CancellationToken.None);
        var third = politeness.EnterAsync("a", CancellationToken.None);
        await Eventually.TrueAsync(() => time.ActiveTimers == 2);

        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await second.WaitAsync(TestTimeouts.Default)).Dispose();
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        (await third.WaitAsync(TestTimeouts.Default)).Dispose();
    }

    [Fact]
    public async Task Enter_Cancelled_GivesTheSlotBack()
    {
        var time = new FakeTimeProvider();
        var politeness = new HostPoliteness(perHost: 1, TimeSpan.FromSeconds(5), time);
        (await politeness.EnterAsync("a", CancellationToken.None)).Dispose();
        using var cts = new CancellationTokenSource();

        var waiting = politeness.EnterAsync("a", cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        time.Advance(TimeSpan.FromSeconds(10));
        (await politeness.EnterAsync("a", CancellationToken.None).WaitAsync(TestTimeouts.Default)).Dispose();
    }
}
