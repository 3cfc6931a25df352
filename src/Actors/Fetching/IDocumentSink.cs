using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Where a fetched body goes: the mirror (crawl) or nowhere but a byte count (warm). Returns what was stored and,
/// for documents the parser must read (HTML, CSS), their bytes.
/// </summary>
public interface IDocumentSink
{
    Task<StoredDocument> StoreAsync(Url url, string? contentType, Stream body, CancellationToken cancellationToken);

    /// <summary>
    /// What an earlier run stored at <paramref name="relativePath"/>, read back as <see cref="StoreAsync"/> would have
    /// returned it (crawl --continue); null when it is not there (deleted since, or a sink that keeps nothing), and
    /// the URL is then fetched again.
    /// </summary>
    Task<StoredDocument?> ReadSavedAsync(string relativePath, Url url, string? contentType, CancellationToken cancellationToken)
        => Task.FromResult<StoredDocument?>(null);
}
