using Crawler.Protocol.Text;

namespace Crawler.Actors.Fetching;

/// <summary>What a sink kept: bytes received, the mirror path (relative to the output folder) and, for parseable documents, their text (owned by the caller, which disposes it or passes it on).</summary>
public sealed record StoredDocument(long Bytes, string? RelativePath, PooledText? Text)
{
    /// <summary>
    /// Set when the document is HTML or CSS but longer than this parse limit (the sink's max-parsed-bytes), so it was
    /// stored without <see cref="Text"/>: the caller must report that its links were not followed, not drop them silently.
    /// </summary>
    public int? ParseLimitExceeded { get; init; }
}
