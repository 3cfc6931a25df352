using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Schemes;

/// <summary>Answers URLs that need no network as if a server had: status 200, Content-Type and Content-Length, body.</summary>
public static class LocalSchemes
{
    public static bool CanHandle(Url url) => url is { Scheme: "file" or "data" };

    /// <summary>
    /// Opens a file: or data: URL. Throws <see cref="LocalFileException"/> (missing file: Reason NotFound,
    /// StatusCode 404) or <see cref="DataUrlException"/> (bad base64).
    /// </summary>
    public static ValueTask<FetchResponse> OpenAsync(Url url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme switch
        {
            "file" => FileScheme.OpenAsync(url, cancellationToken),
            "data" => ValueTask.FromResult(DataUrl.Decode(url).ToResponse(url)),
            _ => throw new ArgumentException($"not a local scheme: {url}", nameof(url)),
        };
    }
}
