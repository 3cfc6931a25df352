using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.actors</c>: the actor kernel's threads.</summary>
public sealed class ActorSettings
{
    /// <summary>0 means one fewer than the cores (at least 1); see <see cref="Cli.WorkerThreads"/>.</summary>
    [ConfigurationKeyName("worker-threads")]
    public int WorkerThreads { get; set; }
}
