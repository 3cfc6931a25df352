using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Streams bodies into the mirror (atomic writes under the output folder). An HTML or CSS document the parser must
/// read is taken into memory first (<see cref="DocumentReader"/>) and written from there, so it is never read back
/// from disk; anything else, or a document past <see cref="DocumentReader.MaxParsedBytes"/>, streams through.
/// </summary>
public sealed class MirrorSink : IDocumentSink
{
    public MirrorSink(MirrorWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Writer = writer;
    }

    public MirrorWriter Writer { get; }

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
        var text = await DocumentReader.ReadAsync(body, contentType, DocumentReader.MaxParsedBytes,
            async (head, rest) => written = await Writer.WriteToAsync(relative, head, rest, cancellationToken), cancellationToken);
        return new StoredDocument(written, relative, text);
    }
}
