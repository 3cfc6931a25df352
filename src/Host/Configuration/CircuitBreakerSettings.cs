using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.crawl.circuit-breaker</c>: when to stop hammering a failing host (Polly's terms).</summary>
public sealed class CircuitBreakerSettings
{
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    [ConfigurationKeyName("failure-ratio")]
    public double FailureRatio { get; set; }

    [ConfigurationKeyName("minimum-throughput")]
    public int MinimumThroughput { get; set; }

    [ConfigurationKeyName("sampling-duration")]
    public TimeSpan SamplingDuration { get; set; }

    [ConfigurationKeyName("break-duration")]
    public TimeSpan BreakDuration { get; set; }
}
