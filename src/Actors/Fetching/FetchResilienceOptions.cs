namespace Crawler.Actors.Fetching;

/// <summary>Retry and circuit-breaker knobs (crawler.crawl.retry.*, crawler.crawl.circuit-breaker.* in reference.conf).</summary>
public sealed record FetchResilienceOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Median delay before the first retry; doubles each attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    // A server asking for an hour's pause would stall the whole crawl: Retry-After and back-off are clamped to this.
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Failure ratio within <see cref="SamplingDuration"/> that opens a host's breaker.</summary>
    public double BreakerFailureRatio { get; init; } = 0.8;

    /// <summary>Attempts needed inside the sampling window before the ratio counts (a single 500 never opens it).</summary>
    public int BreakerMinimumThroughput { get; init; } = 20;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Turns the per-host breaker off (tests that count every request, or hosts expected to fail).</summary>
    public bool UseCircuitBreaker { get; init; } = true;
}
