namespace Crawler.Protocol.Tests.Http1;

/// <summary>An in-memory transport: each read returns at most the next scripted segment; writes are recorded.</summary>
internal sealed class ScriptedStream : Stream
{
    private readonly Queue<byte[]> _segments;
    private readonly MemoryStream _written = new();

    public ScriptedStream(params byte[][] segments)
    {
        _segments = new Queue<byte[]>(segments);
    }

    /// <summary>Splits <paramref name="bytes"/> at every position in <paramref name="splits"/>.</summary>
    public static ScriptedStream Split(byte[] bytes, params int[] splits)
    {
        var segments = new List<byte[]>();
        var start = 0;
        foreach (var split in splits.Order())
        {
            segments.Add(bytes[start..split]);
            start = split;
        }

        segments.Add(bytes[start..]);
        return new ScriptedStream([.. segments.Where(s => s.Length > 0)]);
    }

    public byte[] Written => _written.ToArray();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (!_segments.TryPeek(out var segment))
        {
            return 0;
        }

        var n = Math.Min(count, segment.Length);
        segment.AsSpan(0, n).CopyTo(buffer.AsSpan(offset));
        _segments.Dequeue();
        if (n < segment.Length)
        {
            // Keep the rest of this segment for the next read, ahead of the later ones.
            var rest = new Queue<byte[]>();
            rest.Enqueue(segment[n..]);
            while (_segments.TryDequeue(out var s))
            {
                rest.Enqueue(s);
            }

            while (rest.TryDequeue(out var s))
            {
                _segments.Enqueue(s);
            }
        }

        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var array = new byte[buffer.Length];
        var n = Read(array, 0, array.Length);
        array.AsSpan(0, n).CopyTo(buffer.Span);
        return new ValueTask<int>(n);
    }

    public override void Write(byte[] buffer, int offset, int count) => _written.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
