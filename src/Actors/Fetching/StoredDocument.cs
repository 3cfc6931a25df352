namespace Crawler.Actors.Fetching;

/// <summary>What a sink kept: bytes received, the mirror path (relative to the output folder) and, for parseable documents, their text.</summary>
public sealed record StoredDocument(long Bytes, string? RelativePath, string? Text);
