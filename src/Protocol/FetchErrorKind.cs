namespace Crawler.Protocol;

/// <summary>
/// The broad class of a failed fetch. The CLI maps it to an exit code, the crawl records it per URL,
/// and the load reports count errors by it.
/// </summary>
public enum FetchErrorKind
{
    /// <summary>The URL itself is unusable (syntax, unsupported scheme).</summary>
    InvalidUrl,
    /// <summary>DNS, connect, reset, TLS handshake: the peer could not be reached or dropped us.</summary>
    Network,
    /// <summary>A connect, first-byte, idle or total timeout fired.</summary>
    Timeout,
    /// <summary>The peer broke HTTP/1.1: malformed status line, headers, framing, limits exceeded.</summary>
    Protocol,
    /// <summary>The body could not be decoded: bad gzip/deflate/br, decompression bomb, size caps.</summary>
    Content,
    /// <summary>Redirect loop, too many redirects, or a redirect to a refused scheme.</summary>
    Redirect,
    /// <summary>A local resource (file:) could not be read.</summary>
    LocalFile,
}
