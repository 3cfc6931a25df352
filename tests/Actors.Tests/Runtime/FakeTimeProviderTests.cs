using Crawler.TestSupport;
using Crawler.TestSupport.Time;

namespace Crawler.Actors.Tests.Runtime;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public void Advance_FiresDueTimersInDueOrder_WithClockAtEachDueTime()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        using var late = time.CreateTimer(_ => fired.Add(("late", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add(("early", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([("early", TimeSpan.FromSeconds(1)), ("late", TimeSpan.FromSeconds(3))], fired);
        Assert.Equal(TimeSpan.FromSeconds(5), time.GetUtcNow() - start);
    }

    [Theory]
    [InlineData(999, 0)]
    [InlineData(1000, 1)]
    [InlineData(3500, 3)]
    public void PeriodicTimer_FiresOncePerElapsedPeriod(int advanceMs, int expected)
    {
        var time = new FakeTimeProvider();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromMilliseconds(advanceMs));
        Assert.Equal(expected, count);
    }

    [Fact]
    public void DisposedOrChangedTimer_DoesNotFireAtOldTime()
    {
        var time = new FakeTimeProvider();
        var count = 0;
        var disposed = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        using var changed = time.CreateTimer(_ => count += 10, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.True(changed.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, count);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, count);
        Assert.Equal(0, time.ActiveTimers);
    }

    [Fact]
    public async Task TaskDelay_OnFakeTime_CompletesOnlyOnAdvance()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromMinutes(1), time);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public void Timestamps_FollowTheClock()
    {
        var time = new FakeTimeProvider();
        var before = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(before));
    }
}
