using System.Diagnostics.CodeAnalysis;

namespace Crawler.Protocol.Http1;

/// <summary>The peer broke HTTP/1.1 framing or a limit; <see cref="Error"/> names the cause, the message the numbers.</summary>
public sealed class HttpProtocolException : FetchException
{
    public HttpProtocolException(HttpProtocolError error, string message)
        : base(message)
    {
        Error = error;
    }

    public HttpProtocolError Error { get; }

    public override FetchErrorKind Kind => FetchErrorKind.Protocol;

    // Throw helpers keep the hot parsing paths small enough to inline.
    [DoesNotReturn]
    internal static void Throw(HttpProtocolError error, string message) => throw new HttpProtocolException(error, message);
}
