using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>Keeps nothing on disk: counts the bytes and holds HTML and CSS in memory for the parser (used by warm).</summary>
public sealed class MemorySink : IDocumentSink
{
    /// <summary>
    /// Longest HTML or CSS document held for the parser (crawler.crawl.max-parsed-bytes); a longer one is only counted,
    /// and <see cref="StoredDocument.ParseLimitExceeded"/> says so.
    /// </summary>
    public int MaxParsedBytes { get; init => field = DocumentReader.ValidParseLimit(value); } = DocumentReader.DefaultMaxParsedBytes;

    public async Task<StoredDocument> StoreAsync(Url url, string? contentType, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        if (DocumentKinds.Of(contentType, url.Path) == DocumentKind.Other)
        {
            return new StoredDocument(await DrainAsync(body, cancellationToken), null, null);
        }

        var bytes = 0L;
        var text = await DocumentReader.ReadAsync(body, contentType, MaxParsedBytes,
            async (head, rest) => bytes = head.Length + (rest is null ? 0 : await DrainAsync(rest, cancellationToken)), cancellationToken);
        return new StoredDocument(bytes, null, text) { ParseLimitExceeded = text is null ? MaxParsedBytes : null };
    }

    private static async Task<long> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        var total = 0L;
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
