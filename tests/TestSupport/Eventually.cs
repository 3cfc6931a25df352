using Xunit;

namespace Crawler.TestSupport;

/// <summary>Waits for a condition that other threads make true, checking often, failing after <see cref="TestTimeouts.Default"/>.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }
}
