using System.Globalization;
using Crawler.Actors.Runtime;
using Crawler.TestSupport.Time;
using Xunit;

namespace Crawler.TestSupport.Actors;

/// <summary>
/// One <see cref="ActorSystem"/> per test on a <see cref="FakeTimeProvider"/> (timers, restart windows and ask
/// timeouts move only on <c>Time.Advance</c>) and a capturing logger (<see cref="Logs"/>); disposing terminates it and fails the test if that takes too long.
/// </summary>
public abstract class ActorTestBase : IAsyncLifetime
{
    private int _probes;

    protected ActorTestBase()
    {
        Time = new FakeTimeProvider();
        Logs = new CapturingLoggerFactory();
        Sys = new ActorSystem(GetType().Name, Time, Logs);
    }

    protected FakeTimeProvider Time { get; }

    /// <summary>Everything the system and its actors logged.</summary>
    protected CapturingLoggerFactory Logs { get; }

    protected ActorSystem Sys { get; }

    protected TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? "probe-" + Interlocked.Increment(ref _probes).ToString(CultureInfo.InvariantCulture));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var stopped = await Sys.Terminate(TestTimeouts.Default).ConfigureAwait(false);
        Assert.True(stopped, $"actor system {Sys.Name} did not terminate within {TestTimeouts.Default}");
    }
}
