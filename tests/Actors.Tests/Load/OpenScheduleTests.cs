using Crawler.Actors.Load;

namespace Crawler.Actors.Tests.Load;

public sealed class OpenScheduleTests
{
    private const long Frequency = 1_000_000_000;

    [Theory]
    [InlineData(500.0, 2.0, 1_000L)]
    [InlineData(3.0, 1.0, 3L)]
    [InlineData(7.0, 1.0, 7L)]
    [InlineData(1_000.0, 0.0015, 2L)]
    [InlineData(0.5, 10.0, 5L)]
    public void SlotsWithin_Duration_IsRateTimesDurationRoundedUp(double rate, double seconds, long expected)
    {
        var schedule = new OpenSchedule(0, rate, Frequency);
        Assert.Equal(expected, schedule.SlotsWithin((long)(seconds * Frequency)));
    }

    [Fact]
    public void DueTimestamp_ManySlots_DoesNotDrift()
    {
        var schedule = new OpenSchedule(123, 3.0, Frequency);
        Assert.Equal(123, schedule.DueTimestamp(0));
        Assert.Equal(123 + 333_333_333, schedule.DueTimestamp(1));
        Assert.Equal(123 + (1_000_000L * Frequency), schedule.DueTimestamp(3_000_000));
    }

    [Fact]
    public void DueTimestamp_LastSlotOfRun_FallsBeforeTheEnd()
    {
        var schedule = new OpenSchedule(0, 500, Frequency);
        var end = 2 * Frequency;
        var slots = schedule.SlotsWithin(end);
        Assert.True(schedule.DueTimestamp(slots - 1) < end);
        Assert.True(schedule.DueTimestamp(slots) >= end);
    }

    [Fact]
    public void Constructor_ZeroRate_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new OpenSchedule(0, 0, Frequency));
}
