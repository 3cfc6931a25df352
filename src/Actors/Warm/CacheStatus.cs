namespace Crawler.Actors.Warm;

/// <summary>What a cache in front of the origin said about one response.</summary>
public enum CacheStatus
{
    /// <summary>No cache header we recognise.</summary>
    Unknown,
    Hit,
    Miss,
    /// <summary>The cache held a stale copy and went back to the origin (EXPIRED, STALE, REVALIDATED).</summary>
    Expired,
    /// <summary>The cache deliberately did not serve or store it (BYPASS, DYNAMIC, NO-STORE, PASS).</summary>
    Bypass,
}
