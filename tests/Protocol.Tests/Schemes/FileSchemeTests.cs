using System.Text;
using Crawler.Protocol.Schemes;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Schemes;

public sealed class FileSchemeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("crawler-file-scheme-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("page.html", "text/html")]
    [InlineData("STYLE.CSS", "text/css")]
    [InlineData("app.js", "text/javascript")]
    [InlineData("logo.svg", "image/svg+xml")]
    [InlineData("font.woff2", "font/woff2")]
    [InlineData("data.bin", "application/octet-stream")]
    [InlineData("noextension", "application/octet-stream")]
    public async Task OpenAsync_ExistingFile_StreamsItWithGuessedTypeAndLength(string name, string contentType)
    {
        var content = Encoding.UTF8.GetBytes("<p>h\u00e9llo</p>");
        await File.WriteAllBytesAsync(Path.Combine(_root, name), content);

        await using var response = await LocalSchemes.OpenAsync(FileUrl(name));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(contentType, response.ContentType);
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers["Content-Length"]);
        Assert.NotNull(response.Headers["Last-Modified"]);
        Assert.Equal(content, await ReadAllAsync(response.Body));
    }

    [Fact]
    public async Task OpenAsync_NameNeedingEscapes_DecodesPath()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "a b\u00e9.txt"), "x");
        var url = Url.Parse("file://" + _root + "/a b\u00e9.txt");
        Assert.Contains("a%20b%C3%A9.txt", url.ToString(), StringComparison.Ordinal);

        await using var response = await LocalSchemes.OpenAsync(url);
        Assert.Equal("x", Encoding.UTF8.GetString(await ReadAllAsync(response.Body)));
    }

    [Fact]
    public async Task OpenAsync_MissingFile_Throws404LikeLocalFileException()
    {
        var e = await Assert.ThrowsAsync<LocalFileException>(async () => await LocalSchemes.OpenAsync(FileUrl("missing.html")));
        Assert.Equal(LocalFileError.NotFound, e.Reason);
        Assert.Equal(404, e.StatusCode);
        Assert.Equal(FetchErrorKind.LocalFile, e.Kind);
        Assert.EndsWith("missing.html", e.Path, StringComparison.Ordinal);
        Assert.Contains("missing.html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MissingDirectory_ThrowsNotFound()
    {
        var e = await Assert.ThrowsAsync<LocalFileException>(async () => await LocalSchemes.OpenAsync(FileUrl("nope/x.html")));
        Assert.Equal(LocalFileError.NotFound, e.Reason);
    }

    [Fact]
    public async Task OpenAsync_RemoteHost_Throws()
    {
        var e = await Assert.ThrowsAsync<LocalFileException>(async () => await LocalSchemes.OpenAsync(Url.Parse("file://server/share/x")));
        Assert.Equal(LocalFileError.RemoteHost, e.Reason);
        Assert.Contains("server", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Directory_ListsEntriesAsHtmlLinks()
    {
        Directory.CreateDirectory(Path.Combine(_root, "sub dir"));
        await File.WriteAllTextAsync(Path.Combine(_root, "b.html"), "b");
        await File.WriteAllTextAsync(Path.Combine(_root, "a&b.txt"), "a");

        // No trailing slash on purpose: the links must still point inside the directory.
        await using var response = await LocalSchemes.OpenAsync(Url.Parse("file://" + _root));
        var html = Encoding.UTF8.GetString(await ReadAllAsync(response.Body));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Contains($"<a href=\"{_root}/a%26b.txt\">a&amp;b.txt</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{_root}/b.html\">b.html</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{_root}/sub%20dir/\">sub dir/</a>", html, StringComparison.Ordinal);
        Assert.Contains("../</a>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("a&amp;b.txt", StringComparison.Ordinal) < html.IndexOf("b.html", StringComparison.Ordinal));

        var resolved = response.Url.Resolve($"{_root}/sub%20dir/");
        Assert.Equal(Url.Parse("file://" + _root + "/sub dir/"), resolved);
    }

    [Fact]
    public async Task OpenAsync_Canceled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await LocalSchemes.OpenAsync(FileUrl("x"), cts.Token));
    }

    [Theory]
    [InlineData("file:///x", true)]
    [InlineData("data:,x", true)]
    [InlineData("http://h/", false)]
    [InlineData("view-source:file:///x", false)]
    public void CanHandle_BySchemes(string url, bool expected) => Assert.Equal(expected, LocalSchemes.CanHandle(Url.Parse(url)));

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private Url FileUrl(string name) => Url.Parse("file://" + _root + "/" + name);
}
