namespace Crawler.Protocol.Decoding;

// STUB (skeleton): the real one stacks gzip, deflate (zlib and raw) and br with caps on decoded size and ratio.
/// <summary>Undoes Content-Encoding on a body stream.</summary>
public static class ContentDecoder
{
    /// <summary>
    /// Wraps <paramref name="body"/> so reading it yields the decoded bytes. <paramref name="codings"/> are the
    /// Content-Encoding tokens in the order the server applied them (so they are undone last first).
    /// </summary>
    public static Stream Decode(Stream body, IReadOnlyList<string> codings, DecodingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(codings);
        _ = limits;
        return body;
    }
}
