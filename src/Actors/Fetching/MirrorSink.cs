using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Streams bodies into the mirror (atomic writes under the output folder). An HTML or CSS document the parser must
/// read is taken into memory first (<see cref="DocumentReader"/>) and written from there, so it is never read back
/// from disk; anything else, or a document past <see cref="MaxParsedBytes"/>, streams through.
/// </summary>
public sealed class MirrorSink : IDocumentSink
{
    public MirrorSink(MirrorWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Writer = writer;
    }

    public MirrorWriter Writer { get; }

    /// <summary>
    /// Longest HTML or CSS document held for the parser (crawler.crawl.max-parsed-bytes); a longer one is still written
    /// whole, and <see cref="StoredDocument.ParseLimitExceeded"/> says its text was not read.
    /// </summary>
    public int MaxParsedBytes { get; init => field = DocumentReader.ValidParseLimit(value); } = DocumentReader.DefaultMaxParsedBytes;

    public async Task<StoredDocument> StoreAsync(Url url, string? contentType, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        var relative = Writer.Layout.Assign(url, contentType);
        if (DocumentKinds.Of(contentType, url.Path) == DocumentKind.Other)
        {
            return new StoredDocument(await Writer.WriteToAsync(relative, default, body, cancellationToken), relative, null);
        }

        var written = 0L;
        var text = await DocumentReader.ReadAsync(body, contentType, MaxParsedBytes,
            async (head, rest) => written = await Writer.WriteToAsync(relative, head, rest, cancellationToken), cancellationToken);
        return new StoredDocument(written, relative, text) { ParseLimitExceeded = text is null ? MaxParsedBytes : null };
    }

    public async Task<StoredDocument?> ReadSavedAsync(string relativePath, Url url, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        FileStream file;
        try
        {
            file = new FileStream(Writer.FullPath(relativePath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, useAsync: false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (file)
        {
            if (DocumentKinds.Of(contentType, url.Path) == DocumentKind.Other)
            {
                return new StoredDocument(file.Length, relativePath, null);
            }

            var text = await DocumentReader.ReadAsync(file, contentType, MaxParsedBytes, static (_, _) => Task.CompletedTask, cancellationToken);
            return new StoredDocument(file.Length, relativePath, text) { ParseLimitExceeded = text is null ? MaxParsedBytes : null };
        }
    }
}
