using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Connections;

/// <summary>Keep-alive connections per origin with a per-origin cap; a connection comes back only when reusable.</summary>
internal sealed class ConnectionPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<OriginKey, OriginPool> _origins = new();
    private readonly ClientOptions _options;
    private readonly TimeProvider _time;
    private readonly SocketConnector _connector;
    private int _connectionsOpened;
    private bool _disposed;

    public ConnectionPool(ClientOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _connector = new SocketConnector(options, time, new DnsCache(time, options.DnsCacheTtl));
    }

    /// <summary>Connections opened since the pool was created (for tests and stats).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    /// <summary>
    /// Waits for a slot of <paramref name="url"/>'s origin, then hands out an idle connection that still looks
    /// alive or opens a new one (always new when <paramref name="forceNew"/>).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<HttpConnection> RentAsync(Url url, bool forceNew, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = OriginKey.From(url);
        var origin = _origins.GetOrAdd(key, k => new OriginPool(k, Math.Max(1, _options.MaxConnectionsPerOrigin)));
        await origin.Slots.WaitAsync(cancellationToken);
        try
        {
            while (!forceNew && origin.PopIdle() is { } idle)
            {
                if (idle.LooksAlive() && _time.GetElapsedTime(idle.IdleSinceTimestamp) < _options.PooledConnectionIdleTimeout)
                {
                    return idle;
                }

                await idle.DisposeAsync();
            }

            var connection = await _connector.ConnectAsync(url, cancellationToken);
            connection.PoolTag = origin;
            Interlocked.Increment(ref _connectionsOpened);
            return connection;
        }
        catch
        {
            origin.Slots.Release();
            throw;
        }
    }

    /// <summary>Gives the slot back; the connection goes idle when reusable, else it is closed.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask ReturnAsync(HttpConnection connection)
    {
        var origin = (OriginPool)connection.PoolTag!;
        try
        {
            if (connection.IsReusable && !_disposed)
            {
                connection.IdleSinceTimestamp = _time.GetTimestamp();
                origin.PushIdle(connection);
            }
            else
            {
                await connection.DisposeAsync();
            }
        }
        finally
        {
            origin.Slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var origin in _origins.Values)
        {
            while (origin.PopIdle() is { } idle)
            {
                await idle.DisposeAsync();
            }
        }
    }
}
