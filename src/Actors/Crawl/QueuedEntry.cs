namespace Crawler.Actors.Crawl;

/// <summary>A queued entry with the fingerprint of its normalised URL, which the frontier finds it by.</summary>
internal readonly record struct QueuedEntry(UInt128 Fingerprint, CrawlEntry Entry);
