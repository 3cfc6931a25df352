using System.Text.RegularExpressions;
using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Actors.Stats;
using Crawler.Actors.Tests.Fetching;
using Crawler.Actors.Tests.Mirror;
using Crawler.Protocol.Urls;
using Crawler.TestSupport;

namespace Crawler.Actors.Tests.Crawl;

/// <summary>Whole crawls through <see cref="CrawlJob"/> into a mirror on disk, against loopback sites.</summary>
public sealed partial class CrawlJobMirrorTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private TestSite _site = null!;
    private TestSite _other = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        _other = await TestSite.StartAsync();
        _site
            .Page("/", $"""<link rel="stylesheet" href="style.css"><a href="docs/">docs</a> <a href="{_other.Url("/")}">other</a>""")
            .Page("/docs/", """<a href="../">home</a> <img src="/img/logo.png">""")
            .Css("/style.css", "/* site css */")
            .Add("/img/logo.png", 200, "image/png", "site logo");
        _other
            .Page("/", """<link rel="stylesheet" href="style.css"><img src="img/logo.png"><a href="docs/">docs</a>""")
            .Page("/docs/", """<a href="../">home</a>""")
            .Css("/style.css", "/* other css */")
            .Add("/img/logo.png", 200, "image/png", "other logo");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _other.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Crawl_OneHost_FilesUnderHostDirectoryOnlyWhenAsked(bool hostDirectories)
    {
        var result = await RunAsync(Job(spanHosts: false) with { HostDirectories = hostDirectories });

        Assert.All(result.Outcomes, o => Assert.Null(o.Error));
        var prefix = hostDirectories ? MirrorPathMapper.HostDirectory(Url.Parse(_site.Origin)) + "/" : "";
        Assert.Equal(
            new[] { "docs/index.html", "img/logo.png", "index.html", "style.css" }.Select(f => prefix + f).Order(StringComparer.Ordinal),
            _temp.AllFiles());
        Assert.Equal("site logo", await File.ReadAllTextAsync(Path.Combine(_temp.Path, prefix + "img/logo.png")));
    }

    [Fact]
    public async Task Crawl_SpanHostsWithoutHostDirectories_EveryUrlKeepsItsOwnFileAndConvertedLinksFindThem()
    {
        var result = await RunAsync(Job(spanHosts: true) with { HostDirectories = false, ConvertLinks = true });

        var saved = result.Outcomes.Where(o => o.SavedPath is not null).ToArray();
        Assert.Equal(8, saved.Length);
        Assert.All(saved, o => Assert.Null(o.Error));
        Assert.Equal(saved.Length, saved.Select(o => o.SavedPath).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(saved.Select(o => o.SavedPath!).Order(StringComparer.Ordinal), _temp.AllFiles());
        Assert.DoesNotContain(_temp.AllFiles(), f => f.Contains("127.0.0.1", StringComparison.Ordinal));
        Assert.Contains("index.html", _temp.AllFiles());

        // The other host's pages were saved under "~N" names next to the seed's; their links must still reach the
        // other host's own files, which we tell apart by content.
        var otherHome = SavedPath(saved, _other.Url("/"));
        var links = Hrefs(await File.ReadAllTextAsync(Path.Combine(_temp.Path, otherHome)));
        Assert.Equal("/* other css */", await ReadLinkedAsync(otherHome, links[0]));
        Assert.Equal("other logo", await ReadLinkedAsync(otherHome, links[1]));
        Assert.Equal(SavedPath(saved, _other.Url("/docs/")), Resolve(otherHome, links[2]));
        var otherDocs = SavedPath(saved, _other.Url("/docs/"));
        Assert.Equal(otherHome, Resolve(otherDocs, Assert.Single(Hrefs(await File.ReadAllTextAsync(Path.Combine(_temp.Path, otherDocs))))));
        var siteDocs = SavedPath(saved, _site.Url("/docs/"));
        Assert.Equal("index.html", Resolve(siteDocs, Hrefs(await File.ReadAllTextAsync(Path.Combine(_temp.Path, siteDocs)))[0]));
    }

    private CrawlJobOptions Job(bool spanHosts) => new(new CrawlOptions([Url.Parse(_site.Url("/"))]) { Scope = new ScopeOptions { SpanHosts = spanHosts } })
    {
        OutputDirectory = _temp.Path,
    };

    private static Task<CrawlResult> RunAsync(CrawlJobOptions job)
        => CrawlJob.RunAsync(job, new CrawlStats(), CancellationToken.None).WaitAsync(TestTimeouts.Default);

    private static string SavedPath(IEnumerable<UrlOutcome> saved, string url)
        => Assert.Single(saved, o => o.Url.Normalize().Equals(Url.Parse(url).Normalize())).SavedPath!;

    private static string[] Hrefs(string html) => [.. LinkPattern().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>The mirror path a relative link in the file at <paramref name="fromPath"/> leads to, '/'-separated.</summary>
    private string Resolve(string fromPath, string href)
    {
        Assert.DoesNotContain("://", href, StringComparison.Ordinal);
        var directory = Path.GetDirectoryName(Path.Combine(_temp.Path, fromPath))!;
        return Path.GetRelativePath(_temp.Path, Path.GetFullPath(Path.Combine(directory, href))).Replace(Path.DirectorySeparatorChar, '/');
    }

    private Task<string> ReadLinkedAsync(string fromPath, string href) => File.ReadAllTextAsync(Path.Combine(_temp.Path, Resolve(fromPath, href)));

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex LinkPattern();
}
