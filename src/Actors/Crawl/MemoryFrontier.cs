using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// The in-memory frontier: two priority queues, requisites before pages, each ordered by depth and then by
/// arrival, so pages go breadth-first and a fetched page's images and styles come before new pages (a mirror of
/// the first pages is complete early). De-duplication is on <see cref="Url.Normalize"/>, by fingerprint
/// (<see cref="UrlFingerprint"/>): a crawl offers each admitted URL some eight times over (every link to it), and a
/// set of 16-byte values answers from one entry where a set of URLs chases each candidate's object and text through
/// memory, and keeps every URL ever seen alive. A refused URL is not remembered: offered again by a shallower page, or
/// as a requisite, it may yet be admitted. Not thread-safe.
/// </summary>
public sealed class MemoryFrontier : IFrontier
{
    private readonly FrontierOptions _options;
    private readonly ScopeRules _scope;
    private readonly HashSet<UInt128> _admitted = [];
    private readonly PriorityQueue<CrawlEntry, (int Depth, long Sequence)> _requisites = new();
    private readonly PriorityQueue<CrawlEntry, (int Depth, long Sequence)> _pages = new();
    private long _sequence;

    public MemoryFrontier(FrontierOptions options, ScopeRules scope)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scope);
        _options = options;
        _scope = scope;
    }

    public int PendingCount => _requisites.Count + _pages.Count;

    public int AdmittedCount => _admitted.Count;

    public int AdmittedPages { get; private set; }

    public AddResult TryAdd(CrawlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry.Url);
        if (!entry.Url.IsHttp)
        {
            return AddResult.Unsupported;
        }

        var url = entry.Url.Normalize();
        var fingerprint = UrlFingerprint.Of(url);
        if (_admitted.Contains(fingerprint))
        {
            return AddResult.Duplicate;
        }

        if (_scope.Check(url, entry.Kind) != ScopeVerdict.InScope)
        {
            return AddResult.OutOfScope;
        }

        var isPage = entry.Kind == LinkKind.Page;
        if (_options.MaxDepth is { } maxDepth && entry.Depth > maxDepth + (isPage ? 0 : FrontierOptions.RequisiteDepthAllowance))
        {
            return AddResult.TooDeep;
        }

        if (isPage && AdmittedPages >= _options.MaxPages)
        {
            return AddResult.LimitReached;
        }

        _admitted.Add(fingerprint);
        if (isPage)
        {
            AdmittedPages++;
        }

        Enqueue(url == entry.Url ? entry : entry with { Url = url });
        return AddResult.Added;
    }

    public bool TryTake(out CrawlEntry entry) =>
        _requisites.TryDequeue(out entry, out _) || _pages.TryDequeue(out entry, out _);

    public void Requeue(CrawlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry.Url);
        var url = entry.Url.Normalize();
        if (!_admitted.Contains(UrlFingerprint.Of(url)))
        {
            throw new ArgumentException($"'{entry.Url}' was never admitted, so it cannot be requeued", nameof(entry));
        }

        Enqueue(url == entry.Url ? entry : entry with { Url = url });
    }

    private void Enqueue(CrawlEntry entry)
    {
        var queue = entry.Kind == LinkKind.Requisite ? _requisites : _pages;
        queue.Enqueue(entry, (entry.Depth, _sequence++));
    }
}
