namespace Crawler.Protocol.Http1;

/// <summary>The total-timeout budget of one fetch, measured on the injected clock.</summary>
internal readonly record struct RequestDeadline(long StartTimestamp, TimeSpan Total)
{
    public static RequestDeadline Start(TimeProvider time, TimeSpan total) => new(time.GetTimestamp(), total);

    public TimeSpan Remaining(TimeProvider time) =>
        Total == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : Total - time.GetElapsedTime(StartTimestamp);
}
