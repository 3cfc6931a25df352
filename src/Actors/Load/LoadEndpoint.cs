using System.Net;
using System.Net.Sockets;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Load;

/// <summary>Where a worker connects: resolved once before the run, so DNS never sits on the hot path.</summary>
internal sealed record LoadEndpoint(EndPoint Address, string Host, bool Tls)
{
    public static async Task<LoadEndpoint> ResolveAsync(Url url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Host.Trim('[', ']');
        var tls = url.Scheme == "https";
        if (IPAddress.TryParse(host, out var literal))
        {
            return new LoadEndpoint(new IPEndPoint(literal, url.Port), host, tls);
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

            // Prefer IPv4 like most load tools: "localhost" resolving to ::1 first surprises servers bound to 127.0.0.1.
            var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new LoadException(LoadErrorKind.Connect, $"{host} resolved to no addresses");
            return new LoadEndpoint(new IPEndPoint(address, url.Port), host, tls);
        }
        catch (SocketException ex)
        {
            throw new LoadException(LoadErrorKind.Connect, $"cannot resolve {host}: {ex.SocketErrorCode}", ex);
        }
    }
}
