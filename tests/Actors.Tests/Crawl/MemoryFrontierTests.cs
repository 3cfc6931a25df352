using Crawler.Actors.Crawl;
using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Crawl;

public sealed class MemoryFrontierTests
{
    private static readonly Url Seed = Url.Parse("http://example.com/");

    private static MemoryFrontier Frontier(int? maxDepth = null, int? maxPages = null, ScopeOptions? scope = null) =>
        new(new FrontierOptions { MaxDepth = maxDepth, MaxPages = maxPages }, new ScopeRules([Seed], scope ?? new ScopeOptions()));

    private static CrawlEntry Page(string path, int depth) => new(Url.Parse("http://example.com" + path), depth, LinkKind.Page, Seed);

    private static CrawlEntry Requisite(string path, int depth) => new(Url.Parse("http://example.com" + path), depth, LinkKind.Requisite, Seed);

    private static List<string> Drain(MemoryFrontier frontier)
    {
        var taken = new List<string>();
        for (var i = 0; i < 1000 && frontier.TryTake(out var entry); i++)
        {
            taken.Add(entry.Url.Path);
        }

        return taken;
    }

    [Fact]
    public void TryTake_Empty_ReturnsFalse() => Assert.False(Frontier().TryTake(out _));

    [Fact]
    public void TryAdd_Seed_IsAddedAndTaken()
    {
        var frontier = Frontier();

        Assert.Equal(AddResult.Added, frontier.TryAdd(new CrawlEntry(Seed, 0, LinkKind.Page, null)));
        Assert.True(frontier.TryTake(out var entry));
        Assert.Equal(Seed, entry.Url);
        Assert.Null(entry.Referrer);
    }

    [Fact]
    public void TryTake_PagesOfMixedDepth_BreadthFirst()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/d2a", 2));
        frontier.TryAdd(Page("/d1a", 1));
        frontier.TryAdd(Page("/d3", 3));
        frontier.TryAdd(Page("/d1b", 1));
        frontier.TryAdd(Page("/d2b", 2));

        Assert.Equal(["/d1a", "/d1b", "/d2a", "/d2b", "/d3"], Drain(frontier));
    }

    [Fact]
    public void TryTakeDeepest_TwoDepthsAllowed_TakeTurnsShallowerFirst()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/d1a", 1));
        frontier.TryAdd(Page("/d1b", 1));
        frontier.TryAdd(Page("/d2a", 2));
        frontier.TryAdd(Page("/d2b", 2));
        frontier.TryAdd(Page("/d2c", 2));
        frontier.TryAdd(Page("/d3", 3));

        var taken = new List<string>();
        for (var i = 0; i < 10 && frontier.TryTake(2, out var entry); i++)
        {
            taken.Add(entry.Url.Path);
        }

        // Depth 3 stays: it is deeper than allowed.
        Assert.Equal(["/d1a", "/d2a", "/d1b", "/d2b", "/d2c"], taken);
        Assert.Equal(1, frontier.PendingCount);
        Assert.Equal(3, frontier.ShallowestPendingDepth);
    }

    [Fact]
    public void TryTakeDeepest_OnlyTheShallowestAllowed_IsBreadthFirst()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/d2a", 2));
        frontier.TryAdd(Page("/d2b", 2));
        frontier.TryAdd(Page("/d1", 1));

        Assert.True(frontier.TryTake(1, out var first));
        Assert.Equal("/d1", first.Url.Path);
        Assert.False(frontier.TryTake(1, out _));
        Assert.Equal(2, frontier.PendingCount);
    }

    [Fact]
    public void TryTakeDeepest_NeverSkipsADepth()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/d1", 1));
        frontier.TryAdd(Page("/d3a", 3));

        Assert.True(frontier.TryTake(int.MaxValue, out var entry));
        Assert.Equal("/d1", entry.Url.Path);
    }

    [Fact]
    public void TryTakeDeepest_RequisitesStillFirst()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/p1", 1));
        frontier.TryAdd(Page("/p2", 2));
        frontier.TryAdd(Requisite("/style.css", 2));

        Assert.True(frontier.TryTake(2, out var entry));
        Assert.Equal("/style.css", entry.Url.Path);
    }

    [Fact]
    public void TryAdd_QueuedUrlOfferedShallower_MovesUpWithTheNewReferrer()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/d1", 1));
        frontier.TryAdd(Page("/x", 3));
        var shallower = new CrawlEntry(Url.Parse("http://example.com/x#frag"), 2, LinkKind.Page, Url.Parse("http://example.com/d1"));

        Assert.Equal(AddResult.Duplicate, frontier.TryAdd(shallower));
        Assert.Equal(2, frontier.PendingCount);
        Assert.True(frontier.TryTake(out _));
        Assert.Equal(2, frontier.ShallowestPendingDepth);
        Assert.True(frontier.TryTake(out var moved));
        Assert.Equal((2, "/d1", "http://example.com/x"), (moved.Depth, moved.Referrer!.Path, moved.Url.ToString()));
        Assert.False(frontier.TryTake(out _));
    }

    [Fact]
    public void TryAdd_QueuedUrlOfferedDeeperOrAsAnotherKind_StaysWhereItIs()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/x", 2));

        Assert.Equal(AddResult.Duplicate, frontier.TryAdd(Page("/x", 3)));
        Assert.Equal(AddResult.Duplicate, frontier.TryAdd(Requisite("/x", 1)));
        Assert.True(frontier.TryTake(out var entry));
        Assert.Equal((2, LinkKind.Page), (entry.Depth, entry.Kind));
        Assert.Equal(0, frontier.PendingCount);
    }

    [Fact]
    public void TryAdd_TakenUrlOfferedShallower_IsOnlyADuplicate()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/x", 3));
        Assert.True(frontier.TryTake(out _));

        Assert.Equal(AddResult.Duplicate, frontier.TryAdd(Page("/x", 1)));
        Assert.Equal(0, frontier.PendingCount);
    }

    [Fact]
    public void ShallowestPendingDepth_Empty_IsMaxValue() => Assert.Equal(int.MaxValue, Frontier().ShallowestPendingDepth);

    [Fact]
    public void TryTake_RequisitesAddedAfterPages_ComeFirst()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/p1", 1));
        frontier.TryAdd(Page("/p2", 1));
        frontier.TryAdd(Requisite("/style.css", 1));
        frontier.TryAdd(Requisite("/logo.png", 1));

        Assert.Equal(["/style.css", "/logo.png", "/p1", "/p2"], Drain(frontier));
    }

    [Fact]
    public void TryAdd_SameNormalizedUrl_IsDuplicate()
    {
        var frontier = Frontier();

        Assert.Equal(AddResult.Added, frontier.TryAdd(Page("/a", 1)));
        Assert.Equal(AddResult.Duplicate, frontier.TryAdd(Page("/a#section", 1)));
        Assert.Equal(AddResult.Duplicate, frontier.TryAdd(Requisite("/a", 1)));
        Assert.Equal(1, frontier.PendingCount);
        Assert.Equal(1, frontier.AdmittedCount);
    }

    [Fact]
    public void TryAdd_FragmentUrl_IsStoredWithoutFragment()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/a#x", 1));

        Assert.True(frontier.TryTake(out var entry));
        Assert.Null(entry.Url.Fragment);
    }

    [Fact]
    public void TryAdd_DuplicateAfterTake_StillDuplicate()
    {
        var frontier = Frontier();
        frontier.TryAdd(Page("/a", 1));
        frontier.TryTake(out _);

        Assert.Equal(AddResult.Duplicate, frontier.TryAdd(Page("/a", 2)));
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(2, 2, true)]
    [InlineData(2, 3, false)]
    public void TryAdd_PageDepth_LimitedByMaxDepth(int maxDepth, int depth, bool added)
    {
        Assert.Equal(added ? AddResult.Added : AddResult.TooDeep, Frontier(maxDepth).TryAdd(Page("/p", depth)));
    }

    [Theory]
    [InlineData(2, 3, true)]
    [InlineData(2, 2 + FrontierOptions.RequisiteDepthAllowance, true)]
    [InlineData(2, 3 + FrontierOptions.RequisiteDepthAllowance, false)]
    public void TryAdd_RequisiteOfPageAtMaxDepth_StillFetched(int maxDepth, int depth, bool added)
    {
        Assert.Equal(added ? AddResult.Added : AddResult.TooDeep, Frontier(maxDepth).TryAdd(Requisite("/r.png", depth)));
    }

    [Fact]
    public void TryAdd_TooDeepThenShallower_AdmittedLater()
    {
        var frontier = Frontier(maxDepth: 1);

        Assert.Equal(AddResult.TooDeep, frontier.TryAdd(Page("/p", 2)));
        Assert.Equal(AddResult.Added, frontier.TryAdd(Page("/p", 1)));
    }

    [Fact]
    public void TryAdd_MaxPages_LimitsPagesNotRequisites()
    {
        var frontier = Frontier(maxPages: 2);

        Assert.Equal(AddResult.Added, frontier.TryAdd(Page("/1", 0)));
        Assert.Equal(AddResult.Added, frontier.TryAdd(Page("/2", 1)));
        Assert.Equal(AddResult.LimitReached, frontier.TryAdd(Page("/3", 1)));
        Assert.Equal(AddResult.Added, frontier.TryAdd(Requisite("/style.css", 1)));
        Assert.Equal(2, frontier.AdmittedPages);
        Assert.Equal(3, frontier.AdmittedCount);
    }

    [Fact]
    public void TryAdd_MaxPagesZero_AdmitsNoPage() => Assert.Equal(AddResult.LimitReached, Frontier(maxPages: 0).TryAdd(Page("/", 0)));

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    public void FromSettings_MaxPagesZero_MeansUnlimited(int maxPages, int? expected)
    {
        var options = FrontierOptions.FromSettings(5, maxPages);

        Assert.Equal(expected, options.MaxPages);
        Assert.Equal(5, options.MaxDepth);
    }

    [Fact]
    public void TryAdd_OtherHost_OutOfScope()
    {
        var entry = new CrawlEntry(Url.Parse("http://other.org/"), 1, LinkKind.Page, Seed);

        Assert.Equal(AddResult.OutOfScope, Frontier().TryAdd(entry));
    }

    [Theory]
    [InlineData("data:text/plain,hi")]
    [InlineData("file:///etc/passwd")]
    public void TryAdd_NonHttp_Unsupported(string url)
    {
        Assert.Equal(AddResult.Unsupported, Frontier().TryAdd(new CrawlEntry(Url.Parse(url), 1, LinkKind.Page, Seed)));
    }

    [Fact]
    public void Requeue_TakenEntry_ComesBackWithoutCountingAsNew()
    {
        var frontier = Frontier(maxPages: 1);
        frontier.TryAdd(Page("/a", 0));
        Assert.True(frontier.TryTake(out var entry));

        frontier.Requeue(entry);

        Assert.Equal(1, frontier.PendingCount);
        Assert.Equal(1, frontier.AdmittedPages);
        Assert.True(frontier.TryTake(out var again));
        Assert.Equal(entry, again);
    }

    [Fact]
    public void Requeue_NeverAdmitted_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Frontier().Requeue(Page("/never", 1)));

        Assert.Contains("never admitted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crawl_SimulatedSite_VisitsEachPageOnceBreadthFirst()
    {
        // A small site graph: each page links to two children and back to the root; every page has a shared stylesheet.
        var frontier = Frontier(maxDepth: 2);
        frontier.TryAdd(new CrawlEntry(Seed, 0, LinkKind.Page, null));
        var order = new List<(string Path, int Depth)>();
        for (var step = 0; step < 100 && frontier.TryTake(out var entry); step++)
        {
            order.Add((entry.Url.Path, entry.Depth));
            if (entry.Kind == LinkKind.Requisite)
            {
                continue;
            }

            var name = entry.Url.Path.TrimEnd('/');
            frontier.TryAdd(Requisite("/site.css", entry.Depth + 1));
            frontier.TryAdd(Page(name + "/l", entry.Depth + 1));
            frontier.TryAdd(Page(name + "/r", entry.Depth + 1));
            frontier.TryAdd(Page("/", entry.Depth + 1));
        }

        Assert.Equal(
            [("/", 0), ("/site.css", 1), ("/l", 1), ("/r", 1), ("/l/l", 2), ("/l/r", 2), ("/r/l", 2), ("/r/r", 2)],
            order);
        Assert.Equal(0, frontier.PendingCount);
    }
}
