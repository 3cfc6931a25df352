using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Mirror;

public sealed class MirrorLayoutTests
{
    private readonly MirrorLayout _layout = new();

    private string Assign(string url, string? contentType = null) => _layout.Assign(Url.Parse(url), contentType);

    [Fact]
    public void Assign_SameUrlTwice_SamePath()
    {
        Assert.Equal(Assign("http://example.com/a.png"), Assign("http://example.com/a.png"));
    }

    [Fact]
    public void Assign_UrlWithFragment_SameAsWithout()
    {
        Assert.Equal(Assign("http://example.com/a.html"), Assign("http://example.com/a.html#part"));
    }

    [Fact]
    public void Assign_FileThenDirectoryOfSameName_DirectoryGetsSuffix()
    {
        Assert.Equal("example.com/a", Assign("http://example.com/a"));
        Assert.Equal("example.com/a~1/b", Assign("http://example.com/a/b"));
        Assert.Equal("example.com/a~1/c", Assign("http://example.com/a/c"));
    }

    [Fact]
    public void Assign_DirectoryThenFileOfSameName_FileGetsSuffix()
    {
        Assert.Equal("example.com/a/b", Assign("http://example.com/a/b"));
        Assert.Equal("example.com/a~1", Assign("http://example.com/a"));
        Assert.Equal("example.com/a/index.html", Assign("http://example.com/a/"));
    }

    [Theory]
    [InlineData("http://example.com/", "http://example.com/index.html", "example.com/index.html")]
    [InlineData("http://example.com/index.html", "http://example.com/", "example.com/index.html")]
    [InlineData("http://example.com/docs/", "http://example.com/docs/index.html", "example.com/docs/index.html")]
    public void Assign_DirectoryAndItsIndexHtml_ShareOneFile(string first, string second, string expected)
    {
        Assert.Equal(expected, Assign(first, "text/html"));
        Assert.Equal(expected, Assign(second, "text/html"));
        Assert.Equal(2, _layout.Snapshot().Count);
    }

    [Fact]
    public void Assign_DirectoryAndIndexHtmlWithQuery_StayApart()
    {
        Assert.Equal("example.com/index.html", Assign("http://example.com/", "text/html"));
        Assert.NotEqual("example.com/index.html", Assign("http://example.com/index.html?x=1", "text/html"));
    }

    [Fact]
    public void Assign_NamesDifferingInCase_SecondGetsSuffix()
    {
        Assert.Equal("example.com/Logo.png", Assign("http://example.com/Logo.png"));
        Assert.Equal("example.com/logo~1.png", Assign("http://example.com/logo.png"));
    }

    [Fact]
    public void Assign_DirectoriesDifferingInCase_SecondGetsSuffix()
    {
        Assert.Equal("example.com/Docs/a", Assign("http://example.com/Docs/a"));
        Assert.Equal("example.com/docs~1/b", Assign("http://example.com/docs/b"));
    }

    [Fact]
    public void Assign_HtmlExtensionAddedCollidesWithRealName_SecondGetsSuffix()
    {
        Assert.Equal("example.com/x.html", Assign("http://example.com/x", "text/html"));
        Assert.Equal("example.com/x~1.html", Assign("http://example.com/x.html", "text/html"));
    }

    [Fact]
    public void Assign_LiteralSuffixNameTaken_PicksNextFree()
    {
        Assign("http://example.com/a~1");
        Assign("http://example.com/a");

        Assert.Equal("example.com/a~2/b", Assign("http://example.com/a/b"));
    }

    [Fact]
    public void Snapshot_HoldsEveryAssignedUrl()
    {
        var a = Assign("http://example.com/a.html#x");
        var b = Assign("http://example.com/b.css", "text/css");

        var snapshot = _layout.Snapshot();

        Assert.Equal(2, snapshot.Count);
        Assert.Equal(a, snapshot[Url.Parse("http://example.com/a.html")]);
        Assert.Equal(b, snapshot[Url.Parse("http://example.com/b.css")]);
    }

    [Fact]
    public async Task Assign_Concurrently_GivesDistinctPathsForDistinctUrls()
    {
        var urls = Enumerable.Range(0, 200).Select(i => $"http://example.com/{(i % 2 == 0 ? "A" : "a")}{i / 4}").ToArray();

        var paths = await Task.WhenAll(urls.Select(u => Task.Run(() => Assign(u))));

        var expectedDistinct = urls.Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(expectedDistinct, paths.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Assign_ExistingMirrorOnDisk_AvoidsKindConflictsAndOverwritesFiles()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "example.com", "a"));
        File.WriteAllText(Path.Combine(temp.Path, "example.com", "b"), "old file");
        File.WriteAllText(Path.Combine(temp.Path, "example.com", "x.png"), "old image");
        var layout = new MirrorLayout(temp.Path);

        Assert.Equal("example.com/a~1", layout.Assign(Url.Parse("http://example.com/a"), null));
        Assert.Equal("example.com/b~1/c", layout.Assign(Url.Parse("http://example.com/b/c"), null));
        Assert.Equal("example.com/x.png", layout.Assign(Url.Parse("http://example.com/x.png"), null));
        Assert.Equal("example.com/a/y", layout.Assign(Url.Parse("http://example.com/a/y"), null));
    }

    [Fact]
    public void Assign_WithoutHostDirectories_PathsStartAtTheRoot()
    {
        var layout = new MirrorLayout { HostDirectories = false };

        Assert.Equal("index.html", layout.Assign(Url.Parse("http://127.0.0.1:40000/"), "text/html"));
        Assert.Equal("docs/index.html", layout.Assign(Url.Parse("http://127.0.0.1:40000/docs/"), "text/html"));
        Assert.Equal("style.css", layout.Assign(Url.Parse("http://127.0.0.1:40000/style.css"), "text/css"));
    }

    [Fact]
    public void Assign_WithHostDirectories_SamePathOnTwoHostsKeepsPlainNames()
    {
        Assert.Equal("a.test/x.html", Assign("http://a.test/x.html"));
        Assert.Equal("b.test/x.html", Assign("http://b.test/x.html"));
    }

    [Fact]
    public void Assign_WithoutHostDirectories_SamePathOnTwoHostsSecondGetsSuffix()
    {
        var layout = new MirrorLayout { HostDirectories = false };

        Assert.Equal("x.html", layout.Assign(Url.Parse("http://a.test/x.html"), "text/html"));
        Assert.Equal("x~1.html", layout.Assign(Url.Parse("http://b.test/x.html"), "text/html"));
        Assert.Equal("x~2.html", layout.Assign(Url.Parse("http://b.test:8080/x.html"), "text/html"));
        Assert.Equal("d/y.png", layout.Assign(Url.Parse("http://a.test/d/y.png"), null));
        Assert.Equal("d/y~1.png", layout.Assign(Url.Parse("http://b.test/d/y.png"), null));
        Assert.Equal("x.html", layout.Assign(Url.Parse("http://a.test/x.html"), "text/html"));
    }

    [Fact]
    public void Assign_WithoutHostDirectories_FileOnOneHostDirectoryOnAnother_NeitherOverwritten()
    {
        var layout = new MirrorLayout { HostDirectories = false };

        Assert.Equal("a", layout.Assign(Url.Parse("http://a.test/a"), null));
        Assert.Equal("a~1/b", layout.Assign(Url.Parse("http://b.test/a/b"), null));
        Assert.Equal("A~2", layout.Assign(Url.Parse("http://c.test/A"), null));
    }

    [Fact]
    public void Assign_WithoutHostDirectories_SecondHostsRootAndIndexHtmlShareTheSuffixedFile()
    {
        var layout = new MirrorLayout { HostDirectories = false };

        Assert.Equal("index.html", layout.Assign(Url.Parse("http://a.test/"), "text/html"));
        Assert.Equal("index~1.html", layout.Assign(Url.Parse("http://b.test/index.html"), "text/html"));
        Assert.Equal("index~1.html", layout.Assign(Url.Parse("http://b.test/"), "text/html"));
        Assert.Equal("index.html", layout.Assign(Url.Parse("http://a.test/index.html"), "text/html"));
    }

    [Fact]
    public void Assign_DirectoryIndexTwinSavedUnderAnotherName_NotShared()
    {
        // "/index.html" served as CSS is saved as "index.html.css": not the directory's page, so "/" gets its own file.
        Assert.Equal("example.com/index.html.css", Assign("http://example.com/index.html", "text/css"));
        Assert.Equal("example.com/index.html", Assign("http://example.com/", "text/html"));
    }

    [Fact]
    public async Task Assign_WithoutHostDirectoriesConcurrently_DistinctUrlsNeverShareAFile()
    {
        var layout = new MirrorLayout { HostDirectories = false };
        var urls = Enumerable.Range(0, 240).Select(i => $"http://h{i % 6}.test:{8000 + (i % 3)}/{(i % 2 == 0 ? "P" : "p")}/{i / 24}.html").ToArray();

        var paths = await Task.WhenAll(urls.Select(u => Task.Run(() => layout.Assign(Url.Parse(u), "text/html"))));

        var byUrl = urls.Zip(paths).DistinctBy(p => p.First, StringComparer.Ordinal).ToArray();
        Assert.Equal(byUrl.Length, byUrl.Select(p => p.Second).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(paths, p => Assert.DoesNotContain(".test", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Reserve_EarlierPath_KeepsItForTheUrlAndFromOthers()
    {
        Assert.True(_layout.Reserve(Url.Parse("http://example.com/a.html?x=1"), "example.com/a.html"));

        Assert.Equal("example.com/a.html", Assign("http://example.com/a.html?x=1"));
        Assert.Equal("example.com/a~1.html", Assign("http://example.com/a.html"));
        Assert.Equal("example.com/sub/b.html", Assign("http://example.com/sub/b.html"));
    }

    [Fact]
    public void Reserve_PathThatCannotStand_IsRefusedAndTakesNothing()
    {
        Assert.True(_layout.Reserve(Url.Parse("http://example.com/a"), "example.com/a"));

        Assert.False(_layout.Reserve(Url.Parse("http://example.com/a/b"), "example.com/a/b"));
        Assert.False(_layout.Reserve(Url.Parse("http://example.com/c"), "example.com/a"));
        Assert.False(_layout.Reserve(Url.Parse("http://example.com/d"), "example.com//d"));
        Assert.Equal("example.com/c", Assign("http://example.com/c"));
    }

    [Fact]
    public void Reserve_DirectoryAndItsIndex_ShareTheFileAsAssignDoes()
    {
        Assert.True(_layout.Reserve(Url.Parse("http://example.com/docs/"), "example.com/docs/index.html"));
        Assert.True(_layout.Reserve(Url.Parse("http://example.com/docs/index.html"), "example.com/docs/index.html"));
    }

    [Fact]
    public void Reserve_RootFileName_IsNeverAssigned()
    {
        var layout = new MirrorLayout { HostDirectories = false };
        layout.Reserve(".crawler-journal.jsonl");

        Assert.Equal(".crawler-journal~1.jsonl", layout.Assign(Url.Parse("http://example.com/.crawler-journal.jsonl"), null));
    }
}
