using System.Buffers;

namespace Crawler.Protocol.Text;

/// <summary>
/// Decoded text in a buffer rented from <see cref="ArrayPool{T}.Shared"/>. A crawl decodes every HTML page only to
/// scan it once; as strings, those pages were most of the bytes the process allocated (and the garbage collector's
/// work). The owner passes it on with a message and whoever reads it last disposes it; reading after that throws.
/// Not thread-safe: one owner at a time, as a message's receiver is.
/// </summary>
public sealed class PooledText : IDisposable
{
    private char[]? _buffer;
    private readonly int _length;

    private PooledText(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The text; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<char> Memory => new(_buffer ?? throw new ObjectDisposedException(nameof(PooledText)), 0, _length);

    public int Length => _length;

    /// <summary>Decodes <paramref name="bytes"/> with <paramref name="encoding"/> (invalid bytes as the encoding's fallback) into a pooled buffer.</summary>
    public static PooledText Decode(ReadOnlySpan<byte> bytes, System.Text.Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
        try
        {
            return new PooledText(buffer, encoding.GetChars(bytes, buffer));
        }
        catch
        {
            ArrayPool<char>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>A copy of <paramref name="text"/> (for tests and callers that start from a string).</summary>
    public static PooledText From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        text.CopyTo(buffer);
        return new PooledText(buffer, text.Length);
    }

    /// <summary>The text as a string (a copy).</summary>
    public override string ToString() => Memory.Span.ToString();

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
