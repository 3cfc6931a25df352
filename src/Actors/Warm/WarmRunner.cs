using Crawler.Actors.Crawl;
using Crawler.Actors.Stats;

namespace Crawler.Actors.Warm;

/// <summary>
/// Cache warming: a crawl of depth 0 (the given pages and their requisites, through CSS too, on any host; no other
/// pages), run <c>repeat</c> times so the report can show whether the hit ratio rose.
/// </summary>
public static class WarmRunner
{
    /// <summary>The crawl options warm uses for <paramref name="pages"/>: depth 0, requisites on any host.</summary>
    public static CrawlOptions Options(CrawlOptions pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return pages with
        {
            Frontier = new FrontierOptions { MaxDepth = 0 },
            Scope = new ScopeOptions { SpanHosts = true },
        };
    }

    /// <param name="statsForRound">Gives each round its counter (the progress display reads it).</param>
    public static async Task<IReadOnlyList<WarmRound>> RunAsync(CrawlJobOptions options, int repeat, Func<int, CrawlStats> statsForRound, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(statsForRound);
        var job = options with { Crawl = Options(options.Crawl), OutputDirectory = null, ConvertLinks = false, UseSitemap = false };
        var rounds = new List<WarmRound>();
        for (var round = 1; round <= Math.Max(1, repeat) && !stop.IsCancellationRequested; round++)
        {
            var result = await CrawlJob.RunAsync(job, statsForRound(round), stop);
            rounds.Add(new WarmRound(round, result));
        }

        return rounds;
    }
}
