using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// The in-memory frontier: requisites before pages, each queued by depth and then by arrival, so pages go
/// breadth-first and a fetched page's images and styles come before new pages (a mirror of the first pages is
/// complete early). A URL still queued that a shallower page offers again moves up to that depth, so with
/// <see cref="TryTake(int, out CrawlEntry)"/> used as documented every URL is fetched at its shortest link distance. De-duplication is on <see cref="Url.Normalize"/>, by fingerprint
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
    private readonly DepthQueues _requisites = new();
    private readonly DepthQueues _pages = new();

    // Where each queued URL stands, by fingerprint: found again when a shallower page offers it.
    private readonly Dictionary<UInt128, LinkedListNode<QueuedEntry>> _queued = [];

    public MemoryFrontier(FrontierOptions options, ScopeRules scope)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scope);
        _options = options;
        _scope = scope;
    }

    public int PendingCount => _requisites.Count + _pages.Count;

    public int ShallowestPendingDepth => Math.Min(_requisites.Shallowest, _pages.Shallowest);

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
            MoveUpIfShallower(fingerprint, url == entry.Url ? entry : entry with { Url = url });
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

        Enqueue(fingerprint, url == entry.Url ? entry : entry with { Url = url });
        return AddResult.Added;
    }

    /// <summary>The next entry strictly breadth-first: requisites first, then pages by depth (the shallowest only).</summary>
    public bool TryTake(out CrawlEntry entry) => TryTake(ShallowestPendingDepth, out entry);

    public bool TryTake(int deepest, out CrawlEntry entry) =>
        Taken(_requisites.TryTakeShallowest(deepest, out var queued) || _pages.TryTakeAcrossTwoDepths(deepest, out queued), queued, out entry);

    public void Requeue(CrawlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry.Url);
        var url = entry.Url.Normalize();
        var fingerprint = UrlFingerprint.Of(url);
        if (!_admitted.Contains(fingerprint))
        {
            throw new ArgumentException($"'{entry.Url}' was never admitted, so it cannot be requeued", nameof(entry));
        }

        Enqueue(fingerprint, url == entry.Url ? entry : entry with { Url = url });
    }

    private DepthQueues QueueOf(LinkKind kind) => kind == LinkKind.Requisite ? _requisites : _pages;

    private void Enqueue(UInt128 fingerprint, CrawlEntry entry)
        => _queued[fingerprint] = QueueOf(entry.Kind).Enqueue(new QueuedEntry(fingerprint, entry));

    // A URL offered again by a shallower page while it waits takes that offer instead: its depth, referrer and
    // redirect hops. Of the
    // same kind only: a page offered as a requisite, or the other way round, keeps the kind it was admitted as.
    private void MoveUpIfShallower(UInt128 fingerprint, CrawlEntry offered)
    {
        if (_queued.TryGetValue(fingerprint, out var node) && offered.Depth < node.Value.Entry.Depth && offered.Kind == node.Value.Entry.Kind)
        {
            QueueOf(offered.Kind).Remove(node);
            Enqueue(fingerprint, offered);
        }
    }

    private bool Taken(bool taken, QueuedEntry queued, out CrawlEntry entry)
    {
        entry = queued.Entry;
        if (taken)
        {
            _queued.Remove(queued.Fingerprint);
        }

        return taken;
    }
}
