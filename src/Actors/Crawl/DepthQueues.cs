namespace Crawler.Actors.Crawl;

/// <summary>
/// Queued entries of one kind, a queue per depth, each in arrival order, each entry removable where it stands (so a
/// URL offered again from a shallower page can move up). Takes either the shallowest entry (strict breadth-first) or
/// from the shallowest depth and the next in turns (see <see cref="TryTakeAcrossTwoDepths"/>). Not thread-safe.
/// </summary>
internal sealed class DepthQueues
{
    private readonly List<LinkedList<QueuedEntry>> _byDepth = [];

    // A lower bound on the shallowest non-empty depth, raised lazily as queues empty.
    private int _shallowest;

    // When two depths may go, they take turns, the shallower first.
    private bool _nextDepthsTurn;

    public int Count { get; private set; }

    /// <summary>The shallowest depth with an entry waiting; <see cref="int.MaxValue"/> when none.</summary>
    public int Shallowest
    {
        get
        {
            if (Count == 0)
            {
                return int.MaxValue;
            }

            while (_byDepth[_shallowest].Count == 0)
            {
                _shallowest++;
            }

            return _shallowest;
        }
    }

    public LinkedListNode<QueuedEntry> Enqueue(QueuedEntry queued)
    {
        var depth = queued.Entry.Depth;
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        while (_byDepth.Count <= depth)
        {
            _byDepth.Add(new LinkedList<QueuedEntry>());
        }

        if (Count == 0 || depth < _shallowest)
        {
            _shallowest = depth;
        }

        Count++;
        return _byDepth[depth].AddLast(queued);
    }

    /// <summary>Takes out an entry still queued, wherever it stands.</summary>
    public void Remove(LinkedListNode<QueuedEntry> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _byDepth[node.Value.Entry.Depth].Remove(node);
        Count--;
    }

    /// <summary>The first entry of the shallowest depth, if that depth is no deeper than <paramref name="deepest"/>.</summary>
    public bool TryTakeShallowest(int deepest, out QueuedEntry queued)
    {
        var depth = Shallowest;
        if (Count == 0 || depth > deepest)
        {
            queued = default;
            return false;
        }

        return Take(depth, out queued);
    }

    /// <summary>
    /// An entry of the shallowest depth or, when <paramref name="deepest"/> allows it and both have entries, of the
    /// next one, in turns. A crawl learns the next depth's links as soon as the first pages of this one are parsed;
    /// fetching the two together keeps the next depth from piling up at the end. That matters because a site's deepest
    /// links are mostly cheap answers (redirects, broken links) which, left to the end, come one after another, all
    /// waiting on the client. Turns rather than "the deeper first", which would starve the shallower depth and so keep
    /// the following one closed.
    /// </summary>
    public bool TryTakeAcrossTwoDepths(int deepest, out QueuedEntry queued)
    {
        var depth = Shallowest;
        if (Count == 0 || depth > deepest)
        {
            queued = default;
            return false;
        }

        var next = depth + 1;
        if (next <= deepest && next < _byDepth.Count && _byDepth[next].Count > 0)
        {
            _nextDepthsTurn = !_nextDepthsTurn;
            if (!_nextDepthsTurn)
            {
                depth = next;
            }
        }

        return Take(depth, out queued);
    }

    private bool Take(int depth, out QueuedEntry queued)
    {
        var queue = _byDepth[depth];
        queued = queue.First!.Value;
        queue.RemoveFirst();
        Count--;
        return true;
    }
}
