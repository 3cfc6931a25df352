using Crawler.Actors.Fetching;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

// The supervisor's own queue: requisites first (a page is only useful once it renders), then pages breadth-first;
// every URL accepted once; pages capped by MaxPages.
public sealed partial class CrawlSupervisor
{
    private readonly HashSet<Url> _seen = [];
    private readonly Queue<FetchUrl> _requisites = new();
    private readonly Queue<FetchUrl> _pages = new();
    private int _pagesAccepted;

    private int QueuedCount => _requisites.Count + _pages.Count;

    private void Offer(Url url, int depth, Url? referrer, bool isRequisite)
    {
        if (!isRequisite && _options.MaxPages is { } max && _pagesAccepted >= max)
        {
            return;
        }

        if (!_seen.Add(url))
        {
            return;
        }

        if (isRequisite)
        {
            _requisites.Enqueue(new FetchUrl(url, depth, referrer, IsRequisite: true));
        }
        else
        {
            _pagesAccepted++;
            _pages.Enqueue(new FetchUrl(url, depth, referrer, IsRequisite: false));
        }
    }

    // A URL handed back after a crash is already in the seen set, so it bypasses Offer's de-duplication.
    private void Requeue(FetchUrl job) => (job.IsRequisite ? _requisites : _pages).Enqueue(job);

    private bool TryTake(out FetchUrl job)
        => _requisites.TryDequeue(out job!) || _pages.TryDequeue(out job!);
}
