namespace Crawler.Actors.Load;

/// <summary>Once a second: report progress.</summary>
internal sealed record ProgressTick
{
    public static ProgressTick Instance { get; } = new();
}

/// <summary>The -d duration is over: workers finish their request in flight and stop.</summary>
internal sealed record DurationElapsed
{
    public static DurationElapsed Instance { get; } = new();
}

/// <summary>A worker's periodic check for a request that overran the timeout.</summary>
internal sealed record WatchdogTick
{
    public static WatchdogTick Instance { get; } = new();
}
