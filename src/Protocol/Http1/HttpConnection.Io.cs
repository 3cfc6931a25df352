using System.Buffers;
using System.Net.Sockets;
using Crawler.Protocol.Connections;

namespace Crawler.Protocol.Http1;

// The read buffer and the timed reads and writes under the parser and the body streams.
public sealed partial class HttpConnection
{
    internal ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_readStart, _readEnd - _readStart);

    internal void Consume(int count)
    {
        _readStart += count;
        if (_readStart == _readEnd)
        {
            _readStart = 0;
            _readEnd = 0;
        }
    }

    /// <summary>Reads at least one more byte into the buffer (compacting or growing it first); false at EOF.</summary>
    internal async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_readStart > 0)
        {
            Buffer.BlockCopy(_buffer, _readStart, _buffer, 0, _readEnd - _readStart);
            _readEnd -= _readStart;
            _readStart = 0;
        }

        if (_readEnd == _buffer.Length)
        {
            // Only a head or chunk line longer than the buffer gets here; their parsers cap the growth.
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _readEnd);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var n = await ReadTransportAsync(_buffer.AsMemory(_readEnd), cancellationToken);
        _readEnd += n;
        return n > 0;
    }

    /// <summary>Body bytes: buffered ones first, then straight from the transport into the caller's memory when it is large.</summary>
    internal ValueTask<int> ReadBodyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var buffered = _readEnd - _readStart;
        if (buffered > 0)
        {
            var n = Math.Min(buffered, destination.Length);
            _buffer.AsSpan(_readStart, n).CopyTo(destination.Span);
            Consume(n);
            return new ValueTask<int>(n);
        }

        // Nothing available to consume. A large read skips the copy through our buffer.
        return destination.Length >= _buffer.Length
            ? ReadTransportAsync(destination, cancellationToken)
            : FillThenCopyAsync(destination, cancellationToken);
    }

    private async ValueTask<int> FillThenCopyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (!await FillAsync(cancellationToken))
        {
            return 0;
        }

        var n = Math.Min(_readEnd - _readStart, destination.Length);
        _buffer.AsSpan(_readStart, n).CopyTo(destination.Span);
        Consume(n);
        return n;
    }

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
