namespace Crawler.Protocol.Schemes;

/// <summary>A data: URL whose payload cannot be decoded (bad base64); the message says where.</summary>
public sealed class DataUrlException : FetchException
{
    public DataUrlException(string url, string reason)
        : base($"invalid data: URL '{(url.Length <= 100 ? url : string.Concat(url.AsSpan(0, 100), "..."))}': {reason}")
    {
        Reason = reason;
    }

    public string Reason { get; }

    public override FetchErrorKind Kind => FetchErrorKind.InvalidUrl;
}
