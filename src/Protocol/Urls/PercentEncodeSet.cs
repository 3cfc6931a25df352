namespace Crawler.Protocol.Urls;

/// <summary>Which characters a URL component must percent-encode (the WHATWG URL Standard's sets).</summary>
internal enum PercentEncodeSet
{
    /// <summary>Controls and non-ASCII only (opaque data: bodies, hosts before IDNA).</summary>
    C0Control,
    Fragment,
    Query,
    /// <summary>The query set plus the apostrophe, for http, https and file.</summary>
    SpecialQuery,
    Path,
}
