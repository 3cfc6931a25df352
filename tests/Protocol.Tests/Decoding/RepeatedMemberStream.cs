namespace Crawler.Protocol.Tests.Decoding;

/// <summary>
/// A decompression bomb that never exists in memory: one small gzip member (gzip allows concatenated
/// members) replayed <c>count</c> times. Also counts what was read, to show the decoder stopped early.
/// </summary>
internal sealed class RepeatedMemberStream(byte[] member, long count) : Stream
{
    private long _served;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => member.Length * count;

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_served >= count)
        {
            return 0;
        }

        var offset = (int)(BytesRead % member.Length);
        var n = Math.Min(buffer.Length, member.Length - offset);
        member.AsSpan(offset, n).CopyTo(buffer);
        BytesRead += n;
        if (offset + n == member.Length)
        {
            _served++;
        }

        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
