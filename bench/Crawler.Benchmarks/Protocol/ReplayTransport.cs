namespace Crawler.Benchmarks.Protocol;

/// <summary>
/// A fake transport for benchmarks only: every request written to it rewinds the canned response, so one
/// connection serves the same response forever with no socket in the measurement.
/// </summary>
internal sealed class ReplayTransport : Stream
{
    private readonly byte[] _response;
    private int _position;

    public ReplayTransport(byte[] response)
    {
        _response = response;
        _position = response.Length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _response.Length - _position);
        _response.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Read(buffer.Span));

    public override void Write(byte[] buffer, int offset, int count) => _position = 0;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _position = 0;
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
