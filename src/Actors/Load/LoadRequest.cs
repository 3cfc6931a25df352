using System.Text;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Load;

/// <summary>
/// One GET request, serialised once up front: workers write the same bytes for every request, so the
/// hot path formats nothing.
/// </summary>
public sealed class LoadRequest
{
    private const string UserAgent = "crawler-load/1.0";

    public LoadRequest(Url url, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsHttp)
        {
            throw new ArgumentException($"load targets must be http or https, not {url.Scheme}", nameof(url));
        }

        Url = url;
        var sb = new StringBuilder();
        sb.Append("GET ").Append(url.PathAndQuery.Length == 0 ? "/" : url.PathAndQuery).Append(" HTTP/1.1\r\n");
        var extra = headers ?? [];
        if (!extra.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            sb.Append("Host: ").Append(url.Authority).Append("\r\n");
        }

        if (!extra.Any(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)))
        {
            sb.Append("User-Agent: ").Append(UserAgent).Append("\r\n");
        }

        if (!extra.Any(h => h.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase)))
        {
            sb.Append("Accept: */*\r\n");
        }

        foreach (var (name, value) in extra)
        {
            if (name.AsSpan().IndexOfAny("\r\n:") >= 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"header '{name}' contains a line break or a colon in its name", nameof(headers));
            }

            sb.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        sb.Append("\r\n");
        Bytes = Encoding.ASCII.GetBytes(sb.ToString());
    }

    public Url Url { get; }

    public ReadOnlyMemory<byte> Bytes { get; }
}
