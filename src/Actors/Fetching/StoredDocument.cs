using Crawler.Protocol.Text;

namespace Crawler.Actors.Fetching;

/// <summary>What a sink kept: bytes received, the mirror path (relative to the output folder) and, for parseable documents, their text (owned by the caller, which disposes it or passes it on).</summary>
public sealed record StoredDocument(long Bytes, string? RelativePath, PooledText? Text);
