namespace Crawler.Actors.Crawl;

/// <summary>What the frontier did with an entry offered to it.</summary>
public enum AddResult
{
    /// <summary>Queued; it will be handed out by TryTake.</summary>
    Added,

    /// <summary>Its normalised URL was already admitted (queued, taken or done).</summary>
    Duplicate,

    /// <summary>Refused by the scope rules (host, domains, include/exclude, no-parent).</summary>
    OutOfScope,

    /// <summary>Deeper than the depth limit (with the allowance requisites get).</summary>
    TooDeep,

    /// <summary>A page beyond the max-pages limit.</summary>
    LimitReached,

    /// <summary>Not an http(s) URL.</summary>
    Unsupported,
}
