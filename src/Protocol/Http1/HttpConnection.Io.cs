using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Crawler.Protocol.Connections;

namespace Crawler.Protocol.Http1;

// The read buffer and the timed reads and writes under the parser and the body streams.
public sealed partial class HttpConnection
{
    internal ReadOnlySpan<byte> Buffered => _received.Unread;

    internal void Consume(int count) => _received.Consume(count);

    /// <summary>Reads at least one more byte into the buffer (compacting or growing it first); false at EOF.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    internal async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        var n = await ReadTransportAsync(_received.PrepareFill(), cancellationToken);
        _received.Commit(n);
        return n > 0;
    }

    /// <summary>Body bytes: buffered ones first, then straight from the transport into the caller's memory when it is large.</summary>
    internal ValueTask<int> ReadBodyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (_received.UnreadCount > 0)
        {
            return new ValueTask<int>(CopyBuffered(destination.Span));
        }

        // Nothing available to consume. A large read skips the copy through our buffer.
        return destination.Length >= _received.Capacity
            ? ReadTransportAsync(destination, cancellationToken)
            : FillThenCopyAsync(destination, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> FillThenCopyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (!await FillAsync(cancellationToken))
        {
            return 0;
        }

        return CopyBuffered(destination.Span);
    }

    private int CopyBuffered(Span<byte> destination)
    {
        var n = Math.Min(_received.UnreadCount, destination.Length);
        _received.Unread[..n].CopyTo(destination);
        _received.Consume(n);
        return n;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadTransportAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var (timeout, value) = _awaitingFirstByte
            ? (FetchTimeout.FirstByte, _options.FirstByteTimeout)
            : (FetchTimeout.Idle, _options.IdleTimeout);
        var delay = ArmTimer(ref timeout, ref value);
        using var registration = cancellationToken.CanBeCanceled && cancellationToken != _callerToken
            ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _ioCts)
            : default;
        int n;
        try
        {
            _ioCts.CancelAfter(delay);
            n = await _transport.ReadAsync(destination, _ioCts.Token);
        }
        catch (Exception e) when (_ioCts.IsCancellationRequested)
        {
            _broken = true;
            throw CanceledOrTimedOut(timeout, value, e, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            _broken = true;
            throw NetworkException.From(Host, Port, e, $"reading the response failed after {_responseBytes} bytes");
        }

        if (!_ioCts.IsCancellationRequested)
        {
            _ioCts.CancelAfter(Timeout.InfiniteTimeSpan);
        }

        if (n > 0)
        {
            _awaitingFirstByte = false;
            _responseBytes += n;
        }

        return n;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteTransportAsync(ReadOnlyMemory<byte> bytes)
    {
        var timeout = FetchTimeout.Idle;
        var value = _options.IdleTimeout;
        var delay = ArmTimer(ref timeout, ref value);
        try
        {
            _ioCts.CancelAfter(delay);
            await _transport.WriteAsync(bytes, _ioCts.Token);
        }
        catch (Exception e) when (_ioCts.IsCancellationRequested)
        {
            _broken = true;
            throw CanceledOrTimedOut(timeout, value, e, default);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            _broken = true;
            throw NetworkException.From(Host, Port, e, "sending the request failed");
        }

        if (!_ioCts.IsCancellationRequested)
        {
            _ioCts.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    // The per-operation delay: the phase's own timeout, or what is left of the total when that is sooner.
    private TimeSpan ArmTimer(ref FetchTimeout timeout, ref TimeSpan value)
    {
        var remaining = _deadline.Remaining(_time);
        if (remaining != Timeout.InfiniteTimeSpan && (value == Timeout.InfiniteTimeSpan || remaining < value))
        {
            timeout = FetchTimeout.Total;
            value = _deadline.Total;
            if (remaining <= TimeSpan.Zero)
            {
                _broken = true;
                throw new FetchTimeoutException(FetchTimeout.Total, value, $"{Host}:{Port}");
            }

            return remaining;
        }

        return value;
    }

    private Exception CanceledOrTimedOut(FetchTimeout timeout, TimeSpan value, Exception inner, CancellationToken readToken)
    {
        if (_callerToken.IsCancellationRequested)
        {
            return new OperationCanceledException("the fetch was cancelled", inner, _callerToken);
        }

        if (readToken.IsCancellationRequested)
        {
            return new OperationCanceledException("the read was cancelled", inner, readToken);
        }

        return new FetchTimeoutException(timeout, value, $"{Host}:{Port}, {_responseBytes} response bytes received");
    }
}
