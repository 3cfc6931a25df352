namespace Crawler.Actors.Fetching;

/// <summary>Reads a body into memory for the parser, up to a limit, without reading past it.</summary>
public static class DocumentReader
{
    private const int FirstBufferBytes = 16 * 1024;

    /// <summary>
    /// The whole body when it is at most <paramref name="limit"/> bytes (<c>Complete</c>); otherwise the first
    /// <paramref name="limit"/> + 1 bytes, with the stream left just past them so a caller can stream the rest on.
    /// </summary>
    public static async Task<(ReadOnlyMemory<byte> Head, bool Complete)> ReadUpToAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var buffer = new byte[(int)Math.Min(FirstBufferBytes, limit + 1L)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    return (buffer, false);
                }

                // Doubling keeps the copies few; the last grow stops one byte past the limit, enough to tell "more".
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1L));
            }

            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return (buffer.AsMemory(0, length), true);
            }

            length += read;
        }
    }
}
