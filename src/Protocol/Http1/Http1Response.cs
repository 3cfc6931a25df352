namespace Crawler.Protocol.Http1;

/// <summary>
/// A response on one <see cref="HttpConnection"/>: the head, and the body streaming off the socket. The
/// connection can carry the next request only once <see cref="Body"/> was read to its end.
/// </summary>
public sealed class Http1Response : IAsyncDisposable
{
    internal Http1Response(HttpConnection connection, HttpResponseHead head, Stream body)
    {
        Connection = connection;
        Head = head;
        Body = body;
    }

    public HttpConnection Connection { get; }

    public HttpResponseHead Head { get; }

    public int StatusCode => Head.StatusCode;

    public HttpHeaders Headers => Head.Headers;

    /// <summary>The body without transfer coding (de-chunked) but with any Content-Encoding still applied.</summary>
    public Stream Body { get; }

    /// <summary>Disposes the body and returns the headers' pooled buffers: read <see cref="Headers"/> before this.</summary>
    public ValueTask DisposeAsync()
    {
        Head.Release();
        return Body.DisposeAsync();
    }
}
