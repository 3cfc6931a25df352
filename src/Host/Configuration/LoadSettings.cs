using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.load</c>: the load generator.</summary>
public sealed class LoadSettings
{
    [ConfigurationKeyName("connections")]
    public int Connections { get; set; }

    [ConfigurationKeyName("duration")]
    public TimeSpan Duration { get; set; }

    /// <summary>Requests per second (open model); 0 means each connection sends as fast as answers come (closed model).</summary>
    [ConfigurationKeyName("rate")]
    public double Rate { get; set; }

    [ConfigurationKeyName("timeout")]
    public TimeSpan Timeout { get; set; }
}
