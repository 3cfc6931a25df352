namespace Crawler.Actors.Crawl;

/// <summary>Why a URL is in or out of the crawl's scope (the first rule that refused it).</summary>
public enum ScopeVerdict
{
    InScope,

    /// <summary>Another host (or port) than the seeds', and span-hosts is off.</summary>
    OtherHost,

    /// <summary>Span-hosts is on, but the host is under none of the allowed domains.</summary>
    OutsideDomains,

    /// <summary>The path matches an exclude pattern.</summary>
    Excluded,

    /// <summary>A page whose path matches none of the include patterns.</summary>
    NotIncluded,

    /// <summary>A page above its seed's directory, with no-parent on.</summary>
    AboveParent,
}
