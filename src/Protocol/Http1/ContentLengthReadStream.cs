using System.Runtime.CompilerServices;

namespace Crawler.Protocol.Http1;

/// <summary>A body of exactly Content-Length bytes; EOF before that is a typed error naming expected and received.</summary>
internal sealed class ContentLengthReadStream : HttpBodyStream
{
    private readonly long _length;
    private long _remaining;

    public ContentLengthReadStream(HttpConnection connection, long length)
        : base(connection)
    {
        _length = length;
        _remaining = length;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_remaining == 0 || buffer.IsEmpty)
        {
            return new ValueTask<int>(0);
        }

        if (buffer.Length > _remaining)
        {
            buffer = buffer[..(int)_remaining];
        }

        var read = Connection.ReadBodyAsync(buffer, cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            return new ValueTask<int>(Account(read.Result));
        }

        return AwaitAsync(read);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> AwaitAsync(ValueTask<int> read) => Account(await GuardAsync(read));

    private int Account(int n)
    {
        if (n == 0)
        {
            throw Fail(
                HttpProtocolError.PrematureEof,
                $"connection closed after {_length - _remaining} of {_length} body bytes (Content-Length)");
        }

        _remaining -= n;
        if (_remaining == 0)
        {
            Connection.EndResponse();
        }

        return n;
    }
}
