using System.Buffers;

namespace Crawler.Protocol.Streams;

/// <summary>Reads a body into a buffer from the shared pool, doubling it as needed, up to a cap.</summary>
internal static class PooledRead
{
    /// <summary>
    /// Reads <paramref name="body"/> until it ends or <paramref name="cap"/> bytes are in, into a buffer rented from
    /// <see cref="ArrayPool{T}.Shared"/> that starts at <paramref name="firstBufferBytes"/>; the caller returns it.
    /// Fewer than <paramref name="cap"/> bytes means the body ended. Doubling keeps the copies few, and the last grow
    /// stops at the cap.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length)> UpToAsync(Stream body, int firstBufferBytes, long cap, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(firstBufferBytes, cap));
        try
        {
            var length = 0;
            while (length < cap)
            {
                var read = await body.ReadAsync(FreeSpace(ref buffer, length, cap), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <inheritdoc cref="UpToAsync"/>
    public static (byte[] Buffer, int Length) UpTo(Stream body, int firstBufferBytes, long cap)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(firstBufferBytes, cap));
        try
        {
            var length = 0;
            while (length < cap)
            {
                var read = body.Read(FreeSpace(ref buffer, length, cap).Span);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    // The room after the first length bytes, up to the cap; a full buffer is swapped for one twice its size first.
    private static Memory<byte> FreeSpace(ref byte[] buffer, int length, long cap)
    {
        if (length == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        return buffer.AsMemory(length, (int)Math.Min(buffer.Length, cap) - length);
    }
}
