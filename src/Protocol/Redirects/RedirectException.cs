using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Redirects;

/// <summary>A redirect that is not followed: too many (a loop), a refused scheme, or an unusable Location.</summary>
public sealed class RedirectException : FetchException
{
    public RedirectException(RedirectError error, string message, IReadOnlyList<Url> chain, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        Chain = chain;
    }

    public RedirectError Error { get; }

    /// <summary>The URLs requested so far, first request first.</summary>
    public IReadOnlyList<Url> Chain { get; }

    public override FetchErrorKind Kind => FetchErrorKind.Redirect;
}
