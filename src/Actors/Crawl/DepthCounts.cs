namespace Crawler.Actors.Crawl;

/// <summary>
/// How many URLs of each depth are in some state (for the supervisor: fetching, or fetched and awaiting their links),
/// and the shallowest depth with any. Depths are small (link distances), so a list indexed by depth is enough.
/// </summary>
internal sealed class DepthCounts
{
    private readonly List<int> _byDepth = [];

    public void Add(int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        while (_byDepth.Count <= depth)
        {
            _byDepth.Add(0);
        }

        _byDepth[depth]++;
    }

    public void Remove(int depth)
    {
        if (depth < 0 || depth >= _byDepth.Count || _byDepth[depth] == 0)
        {
            throw new InvalidOperationException($"no URL of depth {depth} to remove");
        }

        _byDepth[depth]--;
    }

    /// <summary>The shallowest depth counted; <see cref="int.MaxValue"/> when none is.</summary>
    public int Shallowest
    {
        get
        {
            for (var depth = 0; depth < _byDepth.Count; depth++)
            {
                if (_byDepth[depth] > 0)
                {
                    return depth;
                }
            }

            return int.MaxValue;
        }
    }
}
