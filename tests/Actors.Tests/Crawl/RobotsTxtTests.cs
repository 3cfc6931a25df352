using Crawler.Actors.Crawl;

namespace Crawler.Actors.Tests.Crawl;

public sealed class RobotsTxtTests
{
    private const string Agent = "crawler/1.0 (+https://example.com/bot)";

    private static bool Allowed(string rule, string path) => RobotsTxt.Parse("user-agent: *\ndisallow: " + rule).IsAllowed(path, Agent);

    // Google's path-matching examples (developers.google.com/search/docs/crawling-indexing/robots/robots_txt):
    // each pattern as a Disallow, so "matches" means "not allowed".
    [Theory]
    [InlineData("/", "/", true)]
    [InlineData("/", "/any/thing", true)]
    [InlineData("/*", "/any/thing", true)]
    [InlineData("/$", "/", true)]
    [InlineData("/$", "/page.htm", false)]
    [InlineData("/fish", "/fish", true)]
    [InlineData("/fish", "/fish.html", true)]
    [InlineData("/fish", "/fish/salmon.html", true)]
    [InlineData("/fish", "/fishheads", true)]
    [InlineData("/fish", "/fishheads/yummy.html", true)]
    [InlineData("/fish", "/fish.php?id=anything", true)]
    [InlineData("/fish", "/Fish.asp", false)]
    [InlineData("/fish", "/catfish", false)]
    [InlineData("/fish", "/?id=fish", false)]
    [InlineData("/fish", "/desert/fish", false)]
    [InlineData("/fish*", "/fishheads/yummy.html", true)]
    [InlineData("/fish*", "/catfish", false)]
    [InlineData("/fish/", "/fish/", true)]
    [InlineData("/fish/", "/fish/?id=anything", true)]
    [InlineData("/fish/", "/fish/salmon.htm", true)]
    [InlineData("/fish/", "/fish", false)]
    [InlineData("/fish/", "/fish.html", false)]
    [InlineData("/fish/", "/animals/fish/", false)]
    [InlineData("/fish/", "/Fish/Salmon.asp", false)]
    [InlineData("/*.php", "/index.php", true)]
    [InlineData("/*.php", "/folder/filename.php", true)]
    [InlineData("/*.php", "/folder/filename.php?parameters", true)]
    [InlineData("/*.php", "/folder/any.php.file.html", true)]
    [InlineData("/*.php", "/filename.php/", true)]
    [InlineData("/*.php", "/", false)]
    [InlineData("/*.php", "/windows.PHP", false)]
    [InlineData("/*.php$", "/filename.php", true)]
    [InlineData("/*.php$", "/folder/filename.php", true)]
    [InlineData("/*.php$", "/filename.php?parameters", false)]
    [InlineData("/*.php$", "/filename.php/", false)]
    [InlineData("/*.php$", "/filename.php5", false)]
    [InlineData("/*.php$", "/windows.PHP", false)]
    [InlineData("/fish*.php", "/fish.php", true)]
    [InlineData("/fish*.php", "/fishheads/catfish.php?parameters", true)]
    [InlineData("/fish*.php", "/Fish.PHP", false)]
    public void IsAllowed_GooglePathExamples_MatchAsSpecified(string pattern, string path, bool matches) =>
        Assert.Equal(!matches, Allowed(pattern, path));

    // Google's order-of-precedence examples.
    [Theory]
    [InlineData("allow: /p\ndisallow: /", "/page", true)]
    [InlineData("allow: /folder\ndisallow: /folder", "/folder/page", true)]
    [InlineData("allow: /page\ndisallow: /*.htm", "/page.htm", false)]
    [InlineData("allow: /page\ndisallow: /*.ph", "/page.php", true)]
    [InlineData("allow: /$\ndisallow: /", "/", true)]
    [InlineData("allow: /$\ndisallow: /", "/page.htm", false)]
    public void IsAllowed_GooglePrecedenceExamples_LongestMatchAllowWinsTies(string rules, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse("user-agent: *\n" + rules).IsAllowed(path, Agent));

    [Fact]
    public void IsAllowed_GroupsForSameAgent_AreMerged()
    {
        var robots = RobotsTxt.Parse("""
            user-agent: crawler
            disallow: /fish
            user-agent: *
            disallow: /carrots
            user-agent: crawler
            disallow: /shrimp
            """);

        Assert.False(robots.IsAllowed("/fish", Agent));
        Assert.False(robots.IsAllowed("/shrimp", Agent));
        Assert.True(robots.IsAllowed("/carrots", Agent));
        Assert.False(robots.IsAllowed("/carrots", "otherbot"));
        Assert.True(robots.IsAllowed("/fish", "otherbot"));
    }

    [Fact]
    public void IsAllowed_ConsecutiveAgents_ShareOneGroup()
    {
        var robots = RobotsTxt.Parse("user-agent: a\nuser-agent: crawler\ndisallow: /x\nuser-agent: b\ndisallow: /y");

        Assert.False(robots.IsAllowed("/x", Agent));
        Assert.True(robots.IsAllowed("/y", Agent));
        Assert.False(robots.IsAllowed("/x", "a"));
        Assert.False(robots.IsAllowed("/y", "b"));
    }

    [Theory]
    [InlineData("CRAWLER")]
    [InlineData("Crawler/2.0")]
    [InlineData("crawler (compatible)")]
    public void IsAllowed_AgentTokenCaseAndVersion_Ignored(string line)
    {
        Assert.False(RobotsTxt.Parse($"user-agent: {line}\ndisallow: /").IsAllowed("/a", Agent));
    }

    [Fact]
    public void IsAllowed_SpecificGroup_OverridesStarGroup()
    {
        var robots = RobotsTxt.Parse("user-agent: *\ndisallow: /\nuser-agent: crawler\nallow: /");

        Assert.True(robots.IsAllowed("/a", Agent));
        Assert.False(robots.IsAllowed("/a", "other"));
    }

    [Fact]
    public void IsAllowed_AgentPrefixIsNotAMatch()
    {
        var robots = RobotsTxt.Parse("user-agent: crawl\ndisallow: /");

        Assert.True(robots.IsAllowed("/a", Agent));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment")]
    [InlineData("disallow: /\nuser-agent: *")]
    [InlineData("user-agent: *\ndisallow:")]
    [InlineData("user-agent: *\ndisallow /no-colon")]
    public void IsAllowed_NoEffectiveRules_AllowsAll(string content) => Assert.True(RobotsTxt.Parse(content).IsAllowed("/a", Agent));

    [Fact]
    public void IsAllowed_CommentsCaseAndBomAndCrLf_Handled()
    {
        var robots = RobotsTxt.Parse("\uFEFFUser-Agent: * # everyone\r\nDisAllow: /private # keep out\r\n");

        Assert.False(robots.IsAllowed("/private/x", Agent));
        Assert.True(robots.IsAllowed("/public", Agent));
    }

    [Theory]
    [InlineData("/caf%C3%A9", "/café")]
    [InlineData("/café", "/caf%c3%a9")]
    [InlineData("/a%7eb", "/a~b")]
    [InlineData("/a~b", "/a%7Eb")]
    public void IsAllowed_PercentEncodingDifferences_StillMatch(string rule, string path) => Assert.False(Allowed(rule, path));

    [Fact]
    public void IsAllowed_RobotsTxtItself_AlwaysAllowed() => Assert.True(RobotsTxt.Parse("user-agent: *\ndisallow: /").IsAllowed("/robots.txt", Agent));

    [Fact]
    public void IsAllowed_DisallowAll_RefusesEverythingButRobots()
    {
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("/", Agent));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/", Agent));
    }

    [Fact]
    public void IsAllowed_ManyWildcards_StaysFast()
    {
        var robots = RobotsTxt.Parse("user-agent: *\ndisallow: /" + string.Concat(Enumerable.Repeat("*a", 200)) + "$");

        Assert.True(robots.IsAllowed("/" + new string('a', 5000) + "b", Agent));
    }

    [Fact]
    public void CrawlDelay_PerGroup_Parsed()
    {
        var robots = RobotsTxt.Parse("user-agent: *\ncrawl-delay: 10\nuser-agent: crawler\ncrawl-delay: 0.5\ndisallow: /x");

        Assert.Equal(TimeSpan.FromMilliseconds(500), robots.CrawlDelay(Agent));
        Assert.Equal(TimeSpan.FromSeconds(10), robots.CrawlDelay("other"));
        Assert.Null(RobotsTxt.Parse("user-agent: *\ncrawl-delay: soon").CrawlDelay(Agent));
    }

    [Fact]
    public void Sitemaps_AnywhereInFile_Collected()
    {
        var robots = RobotsTxt.Parse("sitemap: https://example.com/a.xml\nuser-agent: *\ndisallow: /x\nSitemap: https://example.com/b.xml\ndisallow: /y");

        Assert.Equal(["https://example.com/a.xml", "https://example.com/b.xml"], robots.Sitemaps);
        Assert.False(robots.IsAllowed("/y", Agent));
    }

    [Fact]
    public void Parse_BeyondLimit_Ignored()
    {
        var content = "user-agent: *\n" + new string('#', RobotsTxt.DefaultMaxParsedChars) + "\ndisallow: /";

        Assert.True(RobotsTxt.Parse(content).IsAllowed("/a", Agent));
    }
}
