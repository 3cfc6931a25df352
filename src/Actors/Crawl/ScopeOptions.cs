namespace Crawler.Actors.Crawl;

/// <summary>What the crawl may wander into (crawler.crawl.scope.*; --span-hosts, --domains, --include, --exclude, --no-parent).</summary>
public sealed record ScopeOptions
{
    /// <summary>Follow links to other hosts than the seeds'.</summary>
    public bool SpanHosts { get; init; }

    /// <summary>With span-hosts, the domains allowed: a host matches "b.org" when it is b.org or ends in ".b.org". Empty: any host.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Path patterns a page must match one of (see <see cref="PathPattern"/>). Empty: every page.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Path patterns no URL (page or requisite) may match.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Pages must stay at or below their seed's directory.</summary>
    public bool NoParent { get; init; }
}
