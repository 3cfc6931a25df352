using System.Runtime.CompilerServices;

namespace Crawler.Protocol.Http1;

/// <summary>A body delimited by the server closing the connection (no length, not chunked); never reusable.</summary>
internal sealed class ConnectionCloseReadStream : HttpBodyStream
{
    private bool _done;

    public ConnectionCloseReadStream(HttpConnection connection)
        : base(connection)
    {
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_done || buffer.IsEmpty)
        {
            return 0;
        }

        var n = await GuardAsync(Connection.ReadBodyAsync(buffer, cancellationToken));
        if (n == 0)
        {
            _done = true;
            Connection.EndResponse();
        }

        return n;
    }
}
