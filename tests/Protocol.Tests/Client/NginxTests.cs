using System.IO.Compression;
using System.Text;
using Crawler.TestSupport.Loopback;

namespace Crawler.Protocol.Tests.Client;

/// <summary>End to end against a real nginx serving a temp folder (CI installs nginx; missing nginx fails with how to install it).</summary>
public sealed class NginxTests : IAsyncLifetime
{
    private static readonly string Css = string.Concat(Enumerable.Repeat("body { color: #333; margin: 0 auto; }\n", 300));
    private readonly string _root = Directory.CreateTempSubdirectory("crawler-site-").FullName;
    private NginxServer? _nginx;

    private NginxServer Nginx => _nginx!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), "<html><body>home</body></html>");
        await File.WriteAllTextAsync(Path.Combine(_root, "style.css"), Css);
        _nginx = await NginxServer.StartAsync(_root);
    }

    public async Task DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Get_StaticFileWithoutCompression_ReturnsFileBytes()
    {
        await using var client = ClientFactory.Create();
        var request = ClientFactory.Get(Nginx.Url("/style.css")) with { Headers = [new("Accept-Encoding", "identity")] };

        await using var response = await client.SendAsync(request);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/css", response.ContentType);
        Assert.Null(response.Headers["Content-Encoding"]);
        Assert.Equal(Encoding.UTF8.GetByteCount(Css).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers["Content-Length"]);
        Assert.Equal(Css, await ClientFactory.ReadBodyAsync(response));
    }

    [Fact]
    public async Task Get_StaticFileGzipped_ChunkedGzipDecodesToFile()
    {
        await using var client = ClientFactory.Create();

        await using (var raw = await client.SendAsync(ClientFactory.Get(Nginx.Url("/style.css")) with { DecodeContent = false }))
        {
            Assert.Equal("gzip", raw.Headers["Content-Encoding"]);
            Assert.Equal("chunked", raw.Headers["Transfer-Encoding"]);
            using var copy = new MemoryStream();
            await raw.Body.CopyToAsync(copy);
            copy.Position = 0;
            await using var gzip = new GZipStream(copy, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            Assert.Equal(Css, await reader.ReadToEndAsync());
        }

        Assert.Equal(Css, await client.GetStringAsync(Nginx.Url("/style.css")));
    }

    [Fact]
    public async Task Get_SeveralFiles_ReuseOneKeepAliveConnection()
    {
        await using var client = ClientFactory.Create();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("<html><body>home</body></html>", await client.GetStringAsync(Nginx.Url("/")));
            Assert.Equal(Css, await client.GetStringAsync(Nginx.Url("/style.css")));
        }

        Assert.Equal(1, client.ConnectionsOpened);
        Assert.Equal(6, (await Nginx.ReadAccessLogAsync()).Length);
    }

    [Fact]
    public async Task Get_MissingFile_Returns404AndKeepsConnection()
    {
        await using var client = ClientFactory.Create();

        await using (var response = await client.SendAsync(ClientFactory.Get(Nginx.Url("/missing.html"))))
        {
            Assert.Equal(404, response.StatusCode);
            Assert.Contains("404 Not Found", await ClientFactory.ReadBodyAsync(response), StringComparison.Ordinal);
        }

        Assert.Equal("<html><body>home</body></html>", await client.GetStringAsync(Nginx.Url("/index.html")));
        Assert.Equal(1, client.ConnectionsOpened);
    }
}
