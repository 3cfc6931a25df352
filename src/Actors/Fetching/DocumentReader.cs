using System.Buffers;
using Crawler.Protocol.Streams;
using Crawler.Protocol.Text;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Takes an HTML or CSS body into a pooled buffer for the parser, up to a limit, and decodes it to text with the
/// protocol layer's charset rules (BOM, Content-Type charset, &lt;meta&gt; prescan, else UTF-8). The sink gets the
/// bytes while they are in the buffer, and the text is decoded into a pooled buffer too (see <see cref="PooledText"/>),
/// so a document costs no allocation in proportion to its size.
/// </summary>
public static class DocumentReader
{
    /// <summary>
    /// Default of the sinks' parse limit (crawler.crawl.max-parsed-bytes): a document bigger than it is saved but not
    /// parsed for links, because the parser holds it whole in memory, as bytes and then as text.
    /// </summary>
    public const int DefaultMaxParsedBytes = 8 * 1024 * 1024;

    /// <summary>The largest parse limit accepted: one document's bytes and its text must fit in arrays, twice over while the buffer grows.</summary>
    public const int MaxParsedBytesLimit = 1 << 30;

    /// <summary><paramref name="value"/>, if it is a parse limit the reader can honour (1 to <see cref="MaxParsedBytesLimit"/>); else throws.</summary>
    public static int ValidParseLimit(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxParsedBytesLimit);
        return value;
    }

    // Most pages fit, so one read path and no copy; the pool keeps such buffers, so the size costs no allocation.
    private const int FirstBufferBytes = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="body"/> and calls <paramref name="store"/> with the bytes read and, when the body is
    /// longer than <paramref name="limit"/>, the stream positioned just past them (its first <paramref name="limit"/>
    /// + 1 bytes) so the rest can be copied on; otherwise null. Returns the decoded text (the caller disposes it), or null past the limit.
    /// </summary>
    public static async Task<PooledText?> ReadAsync(Stream body, string? contentType, int limit,
        Func<ReadOnlyMemory<byte>, Stream?, Task> store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        // One byte past the limit is enough to tell "more".
        var (buffer, length) = await PooledRead.UpToAsync(body, FirstBufferBytes, limit + 1L, cancellationToken);
        try
        {
            var complete = length <= limit;
            await store(buffer.AsMemory(0, length), complete ? null : body);
            return complete ? CharsetDetector.DecodePooled(buffer.AsSpan(0, length), contentType) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
