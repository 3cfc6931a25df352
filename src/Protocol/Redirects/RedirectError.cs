namespace Crawler.Protocol.Redirects;

public enum RedirectError
{
    /// <summary>More redirects than the limit; the chain shows whether it loops.</summary>
    TooManyRedirects,
    /// <summary>A Location whose scheme is not http or https (file:, data:, javascript:...).</summary>
    RefusedScheme,
    /// <summary>A Location that cannot be resolved into a URL.</summary>
    InvalidLocation,
}
