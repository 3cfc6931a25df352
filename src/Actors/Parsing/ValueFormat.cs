namespace Crawler.Actors.Parsing;

/// <summary>How an attribute's value holds URLs.</summary>
public enum ValueFormat
{
    /// <summary>The whole (trimmed) value is one URL.</summary>
    Url,

    /// <summary>A srcset candidate list: URLs with optional width/density descriptors.</summary>
    Srcset,

    /// <summary>CSS declarations (a style attribute): url() references.</summary>
    Css,

    /// <summary>A meta refresh content value: "5; url=next.html".</summary>
    Refresh,
}
