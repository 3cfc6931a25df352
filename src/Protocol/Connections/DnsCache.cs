using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Crawler.Protocol.Connections;

/// <summary>Resolved addresses per host name, reused for a short TTL measured on the injected clock.</summary>
internal sealed class DnsCache
{
    private readonly ConcurrentDictionary<string, (IPAddress[] Addresses, long ResolvedAt)> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    public DnsCache(TimeProvider time, TimeSpan ttl)
        : this(time, ttl, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>Takes the resolver so tests can count lookups and answer names without a DNS server.</summary>
    public DnsCache(TimeProvider time, TimeSpan ttl, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        _time = time;
        _ttl = ttl;
        _resolve = resolve;
    }

    public async ValueTask<IPAddress[]> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        if (_entries.TryGetValue(host, out var entry) && _time.GetElapsedTime(entry.ResolvedAt) < _ttl)
        {
            return entry.Addresses;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await _resolve(host, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new NetworkException(host, port, e.SocketErrorCode, $"cannot resolve '{host}': {e.Message}", e);
        }

        if (addresses.Length == 0)
        {
            throw new NetworkException(host, port, SocketError.HostNotFound, $"'{host}' resolved to no addresses");
        }

        _entries[host] = (addresses, _time.GetTimestamp());
        return addresses;
    }
}
