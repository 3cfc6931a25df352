using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>Streams bodies into the mirror (atomic writes under the output folder) and reads HTML and CSS back for the parser.</summary>
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
        var relative = await Writer.WriteAsync(url, contentType, body, cancellationToken);
        var full = Writer.FullPath(relative);
        var length = new FileInfo(full).Length;
        if (DocumentKinds.Of(contentType, url.Path) == DocumentKind.Other || length > MemorySink.MaxParsedDocumentBytes)
        {
            return new StoredDocument(length, relative, null);
        }

        return new StoredDocument(length, relative, await File.ReadAllBytesAsync(full, cancellationToken));
    }
}
