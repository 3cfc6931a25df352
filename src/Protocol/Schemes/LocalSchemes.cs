using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Schemes;

// STUB (skeleton): file: (a file, or a listing for a directory) and data: (base64 or percent-encoded).
/// <summary>Answers URLs that need no network as if a server had: status, headers, body.</summary>
public static class LocalSchemes
{
    public static bool CanHandle(Url url) => url is { Scheme: "file" or "data" };

    public static ValueTask<FetchResponse> OpenAsync(Url url, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("skeleton: " + url);
}
