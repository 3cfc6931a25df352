namespace Crawler.Protocol.Connections;

/// <summary>Which of the four request timeouts fired.</summary>
public enum FetchTimeout
{
    /// <summary>Resolving and connecting (TLS handshake included).</summary>
    Connect,
    /// <summary>From the request being sent to the first response byte.</summary>
    FirstByte,
    /// <summary>Between two reads once the response started.</summary>
    Idle,
    /// <summary>The whole fetch, redirects and body included.</summary>
    Total,
}
