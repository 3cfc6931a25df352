using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Where a fetched body goes: the mirror (crawl) or nowhere but a byte count (warm). Returns what was stored and,
/// for documents the parser must read (HTML, CSS), their bytes.
/// </summary>
public interface IDocumentSink
{
    Task<StoredDocument> StoreAsync(Url url, string? contentType, Stream body, CancellationToken cancellationToken);
}
