using System.CommandLine;

namespace Crawler.Host.Cli;

/// <summary>
/// The fetch flags crawl and warm share, declared once so the two commands cannot drift apart in name, alias, help
/// text or the key each one sets.
/// </summary>
internal sealed class FetchFlags
{
    public Option<int?> Concurrency { get; } = new("--concurrency", "-c") { Description = "Requests in flight across all hosts (crawler.crawl.concurrency)." };

    public Option<int?> PerHost { get; } = new("--per-host") { Description = "Requests in flight per host (crawler.crawl.per-host)." };

    public Option<string?> UserAgent { get; } = new("--user-agent", "-A") { Description = "The User-Agent header (crawler.http.user-agent)." };

    public Option<bool> IgnoreRobots { get; } = new("--ignore-robots") { Description = "Do not fetch or honour robots.txt (crawler.crawl.ignore-robots).", Arity = ArgumentArity.Zero };

    /// <summary>Adds the override of each flag given to <paramref name="builder"/>.</summary>
    public ConfigOverrideBuilder AddTo(ConfigOverrideBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Add(Concurrency, "crawler.crawl.concurrency")
            .Add(PerHost, "crawler.crawl.per-host")
            .Add(UserAgent, "crawler.http.user-agent")
            .Add(IgnoreRobots, "crawler.crawl.ignore-robots");
    }
}
