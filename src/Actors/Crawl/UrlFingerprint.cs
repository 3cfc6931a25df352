using System.IO.Hashing;
using System.Runtime.InteropServices;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// A 128-bit hash of a URL's text (XxHash128), what the frontier remembers instead of the URL itself. Two different
/// URLs share a fingerprint with a chance of about n²/2¹²⁹ among n URLs, some 10⁻²⁵ for ten million: far below any
/// other way a crawl can lose a page, as web-scale crawlers' seen-sets take it.
/// </summary>
public static class UrlFingerprint
{
    public static UInt128 Of(Url url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return XxHash128.HashToUInt128(MemoryMarshal.AsBytes(url.ToString().AsSpan()));
    }
}
