using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary><c>crawler.actors</c>: the actor kernel's mailboxes and supervision.</summary>
public sealed class ActorSettings
{
    [ConfigurationKeyName("mailbox-capacity")]
    public int MailboxCapacity { get; set; }

    [ConfigurationKeyName("max-restarts")]
    public int MaxRestarts { get; set; }

    [ConfigurationKeyName("restart-window")]
    public TimeSpan RestartWindow { get; set; }

    /// <summary>0 means one fewer than the cores (at least 1); see <see cref="Cli.WorkerThreads"/>.</summary>
    [ConfigurationKeyName("worker-threads")]
    public int WorkerThreads { get; set; }
}
