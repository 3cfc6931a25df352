namespace Crawler.Protocol.Http1;

/// <summary>A parsed status line and header block.</summary>
public sealed class HttpResponseHead
{
    public HttpResponseHead(int minorVersion, int statusCode, string reasonPhrase, HttpHeaders headers)
    {
        MinorVersion = minorVersion;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
    }

    /// <summary>0 for HTTP/1.0, 1 for HTTP/1.1.</summary>
    public int MinorVersion { get; }

    public string Version => MinorVersion == 0 ? "HTTP/1.0" : "HTTP/1.1";

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public HttpHeaders Headers { get; }

    /// <summary>Returns the parsed headers' pooled buffers; the response's owner calls it once it is done with them.</summary>
    internal void Release() => Headers.Release();
}
