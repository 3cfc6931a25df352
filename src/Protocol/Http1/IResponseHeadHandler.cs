namespace Crawler.Protocol.Http1;

/// <summary>
/// Receives the pieces of a response head as <see cref="ResponseParser"/> validates them, Kestrel
/// <c>IHttpHeadersHandler</c> style: the spans point into the read buffer and are valid only during the call,
/// so a handler that keeps nothing (the load generator's framing) allocates nothing.
/// </summary>
internal interface IResponseHeadHandler
{
    void OnStatusLine(int minorVersion, int statusCode, ReadOnlySpan<byte> reasonPhrase);

    /// <summary>A header line; <paramref name="value"/> is trimmed and free of NUL and CR.</summary>
    void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value);

    /// <summary>An obsolete folded line (RFC 9112 §5.2) continuing the previous header; never before the first.</summary>
    void OnContinuation(ReadOnlySpan<byte> value);
}
