namespace Crawler.Actors.Load;

/// <summary>How a load request failed. Errors are counted, never fatal: the worker reconnects and goes on.</summary>
public enum LoadErrorKind
{
    /// <summary>The TCP (or TLS) connection could not be opened.</summary>
    Connect,
    /// <summary>No complete response within the request timeout.</summary>
    Timeout,
    /// <summary>The connection was reset or closed before the response ended.</summary>
    Read,
    /// <summary>The response broke HTTP/1.1 (status line, headers, framing).</summary>
    Protocol,
    /// <summary>A complete response with status 400 or above (also counted by code).</summary>
    Status,
}
