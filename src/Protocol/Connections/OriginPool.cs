using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Connections;

/// <summary>
/// The connections of one origin: a semaphore caps how many exist (waiters queue on it), idle ones wait in a
/// stack so the most recently used, least likely to have been closed by the server, goes out first.
/// </summary>
internal sealed class OriginPool : IDisposable
{
    private readonly Stack<HttpConnection> _idle = new();
    private readonly Lock _lock = new();

    public OriginPool(OriginKey key, int maxConnections)
    {
        Key = key;
        Slots = new SemaphoreSlim(maxConnections, maxConnections);
    }

    public OriginKey Key { get; }

    // One slot per rented connection. A new connection is opened only when no idle one exists, so idle plus
    // rented never exceeds the cap either.
    public SemaphoreSlim Slots { get; }

    public int IdleCount
    {
        get
        {
            lock (_lock)
            {
                return _idle.Count;
            }
        }
    }

    public void PushIdle(HttpConnection connection)
    {
        lock (_lock)
        {
            _idle.Push(connection);
        }
    }

    public HttpConnection? PopIdle()
    {
        lock (_lock)
        {
            return _idle.TryPop(out var connection) ? connection : null;
        }
    }

    public void Dispose() => Slots.Dispose();
}
