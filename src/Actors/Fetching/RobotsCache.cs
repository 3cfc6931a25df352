using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Crawler.Actors.Crawl;
using Crawler.Protocol;
using Crawler.Protocol.Streams;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Fetches robots.txt once per origin and answers whether a URL may be fetched. Per RFC 9309 §2.3.1: a 4xx means
/// no rules (allow all); a 5xx or an unreachable server means disallow all for this run.
/// </summary>
public sealed class RobotsCache
{
    /// <summary>RFC 9309 §2.5: crawlers must parse at least 500 KiB; more than that is ignored. Default of <see cref="MaxBytes"/>.</summary>
    public const int DefaultMaxBytes = RobotsTxt.DefaultMaxParsedChars;

    /// <summary>
    /// A robots.txt asking for minutes between requests would stall the crawl on that host; honour it up to this.
    /// Default of <see cref="MaxCrawlDelay"/>.
    /// </summary>
    public static readonly TimeSpan DefaultMaxCrawlDelay = TimeSpan.FromSeconds(30);

    private const int FirstBufferBytes = 4096;

    private static readonly RobotsPolicy AllowAll = new(static _ => true, null);
    private static readonly RobotsPolicy DisallowAll = new(static _ => false, null);

    // Keyed by scheme and authority, both already lower-case in a parsed URL.
    private readonly ConcurrentDictionary<(string Scheme, string Authority), Lazy<Task<RobotsPolicy>>> _perOrigin = new();
    private readonly Func<(string Scheme, string Authority), Lazy<Task<RobotsPolicy>>> _newLoad;
    private readonly Func<FetchRequest, CancellationToken, Task<FetchResponse>> _send;
    private readonly Func<string, RobotsPolicy> _parse;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;

    /// <param name="client">Sends the robots.txt requests.</param>
    /// <param name="parse">Turns robots.txt text into our user agent's rules (see <see cref="RobotsRules.For"/>).</param>
    /// <param name="headers">Request headers (User-Agent).</param>
    public RobotsCache(CrawlerClient client, Func<string, RobotsPolicy> parse, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
        : this(Send(client), parse, headers)
    {
    }

    public RobotsCache(Func<FetchRequest, CancellationToken, Task<FetchResponse>> send, Func<string, RobotsPolicy> parse,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        _send = send;
        _parse = parse;
        _headers = headers ?? [];
        _newLoad = origin => new Lazy<Task<RobotsPolicy>>(() => LoadAsync($"{origin.Scheme}://{origin.Authority}"));
    }

    /// <summary>Bytes of a robots.txt read; what follows is ignored (crawler.crawl.robots.max-bytes).</summary>
    public int MaxBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = DefaultMaxBytes;

    /// <summary>Longest Crawl-delay honoured; a longer one is cut to it (crawler.crawl.robots.max-crawl-delay).</summary>
    public TimeSpan MaxCrawlDelay
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    } = DefaultMaxCrawlDelay;

    /// <summary>How many robots.txt were requested (tests prove "once per host").</summary>
    public int Fetches => _perOrigin.Count;

    // Asked twice for every URL fetched; once an origin's robots.txt is in, both answers come without an await.
    public ValueTask<bool> IsAllowedAsync(Url url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Path.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return ValueTask.FromResult(true);
        }

        var policy = PolicyAsync(url, cancellationToken);
        return policy.IsCompletedSuccessfully
            ? ValueTask.FromResult(policy.Result.IsAllowed(url.PathAndQuery))
            : AwaitAllowedAsync(policy, url);

        static async ValueTask<bool> AwaitAllowedAsync(Task<RobotsPolicy> policy, Url url) => (await policy).IsAllowed(url.PathAndQuery);
    }

    /// <summary>The origin's Crawl-delay for our user agent, capped at <see cref="MaxCrawlDelay"/>; null when it sets none.</summary>
    public ValueTask<TimeSpan?> CrawlDelayAsync(Url url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var policy = PolicyAsync(url, cancellationToken);
        return policy.IsCompletedSuccessfully ? ValueTask.FromResult(Capped(policy.Result)) : AwaitDelayAsync(policy);

        async ValueTask<TimeSpan?> AwaitDelayAsync(Task<RobotsPolicy> policy) => Capped(await policy);
    }

    private TimeSpan? Capped(RobotsPolicy policy) => policy.CrawlDelay > MaxCrawlDelay ? MaxCrawlDelay : policy.CrawlDelay;

    private Task<RobotsPolicy> PolicyAsync(Url url, CancellationToken cancellationToken)
    {
        var load = _perOrigin.GetOrAdd((url.Scheme, url.Authority), _newLoad).Value;
        return load.IsCompleted ? load : load.WaitAsync(cancellationToken);
    }

    private static Func<FetchRequest, CancellationToken, Task<FetchResponse>> Send(CrawlerClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync;
    }

    private async Task<RobotsPolicy> LoadAsync(string origin)
    {
        try
        {
            var request = new FetchRequest(Url.Parse(origin + "/robots.txt")) { Headers = _headers, UseCache = false };
            await using var response = await _send(request, CancellationToken.None);
            if (response.StatusCode is >= 400 and < 500)
            {
                return AllowAll;
            }

            if (response.StatusCode >= 500)
            {
                return DisallowAll;
            }

            return _parse(await ReadCappedAsync(response.Body, MaxBytes));
        }
#pragma warning disable CA1031 // an unreadable robots.txt means "unreachable" (RFC 9309 §2.3.1.4): disallow, never crash the fetch.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return DisallowAll;
        }
    }

    // The first maxBytes of the body as UTF-8. The buffer starts small and doubles: nearly every robots.txt is a few
    // hundred bytes, and a buffer of the whole cap (500 KiB, on the large-object heap) for each host would be garbage
    // the collector pays for on a crawl that meets many hosts.
    private static async Task<string> ReadCappedAsync(Stream body, int maxBytes)
    {
        var (buffer, length) = await PooledRead.UpToAsync(body, FirstBufferBytes, maxBytes, CancellationToken.None);
        try
        {
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
