using System.Collections.Concurrent;
using System.Text;
using Crawler.Protocol;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Fetches robots.txt once per origin and answers whether a URL may be fetched. Per RFC 9309 §2.3.1: a 4xx means
/// no rules (allow all); a 5xx or an unreachable server means disallow all for this run.
/// </summary>
public sealed class RobotsCache
{
    // RFC 9309 §2.5: crawlers must parse at least 500 KiB; more than that is ignored.
    public const int MaxRobotsBytes = 500 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<Func<string, bool>>>> _perOrigin = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<FetchRequest, CancellationToken, Task<FetchResponse>> _send;
    private readonly Func<string, Func<string, bool>> _parse;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;

    /// <param name="client">Sends the robots.txt requests.</param>
    /// <param name="parse">Turns robots.txt text into "is this path-and-query allowed for our user agent".</param>
    /// <param name="headers">Request headers (User-Agent).</param>
    public RobotsCache(CrawlerClient client, Func<string, Func<string, bool>> parse, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
        : this(Send(client), parse, headers)
    {
    }

    public RobotsCache(Func<FetchRequest, CancellationToken, Task<FetchResponse>> send, Func<string, Func<string, bool>> parse,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        _send = send;
        _parse = parse;
        _headers = headers ?? [];
    }

    /// <summary>How many robots.txt were requested (tests prove "once per host").</summary>
    public int Fetches => _perOrigin.Count;

    public async Task<bool> IsAllowedAsync(Url url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Path.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var origin = $"{url.Scheme}://{url.Authority}";
        var rules = _perOrigin.GetOrAdd(origin, o => new Lazy<Task<Func<string, bool>>>(() => LoadAsync(o)));
        var allowed = await rules.Value.WaitAsync(cancellationToken);
        return allowed(url.PathAndQuery);
    }

    private static Func<FetchRequest, CancellationToken, Task<FetchResponse>> Send(CrawlerClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync;
    }

    private async Task<Func<string, bool>> LoadAsync(string origin)
    {
        try
        {
            var request = new FetchRequest(Url.Parse(origin + "/robots.txt")) { Headers = _headers, UseCache = false };
            await using var response = await _send(request, CancellationToken.None);
            if (response.StatusCode is >= 400 and < 500)
            {
                return static _ => true;
            }

            if (response.StatusCode >= 500)
            {
                return static _ => false;
            }

            var buffer = new byte[MaxRobotsBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await response.Body.ReadAsync(buffer.AsMemory(length))) > 0)
            {
                length += read;
            }

            return _parse(Encoding.UTF8.GetString(buffer, 0, length));
        }
#pragma warning disable CA1031 // an unreadable robots.txt means "unreachable" (RFC 9309 §2.3.1.4): disallow, never crash the fetch.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return static _ => false;
        }
    }
}
