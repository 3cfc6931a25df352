namespace Crawler.Protocol.Urls;

/// <summary>A URL that cannot be parsed or used; the message names the URL and what is wrong.</summary>
public sealed class UrlFormatException : FetchException
{
    public UrlFormatException(string url, string reason)
        : base($"invalid URL '{url}': {reason}")
    {
        Url = url;
        Reason = reason;
    }

    public string Url { get; }

    public string Reason { get; }

    public override FetchErrorKind Kind => FetchErrorKind.InvalidUrl;
}
