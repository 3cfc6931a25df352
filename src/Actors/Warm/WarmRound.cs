using Crawler.Actors.Crawl;

namespace Crawler.Actors.Warm;

/// <summary>One pass of warm over the page set: every resource's outcome and the share a cache answered.</summary>
public sealed record WarmRound(int Number, CrawlResult Result)
{
    public int Hits => Result.Outcomes.Count(o => o.Cache == CacheStatus.Hit);

    /// <summary>Hits over all resources fetched; 0 when none.</summary>
    public double HitRatio => Result.Outcomes.Count == 0 ? 0 : (double)Hits / Result.Outcomes.Count;

    /// <summary>Resources that failed (4xx, 5xx, network): a broken requisite makes warm exit 1.</summary>
    public int Broken => Result.Outcomes.Count(o => !o.IsSuccess);
}
