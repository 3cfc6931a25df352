using System.Text;
using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Mirror;

public sealed class MirrorWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly MirrorWriter _writer;

    public MirrorWriterTests() => _writer = new MirrorWriter(Path.Combine(_temp.Path, "out"), new MirrorLayout());

    public void Dispose() => _temp.Dispose();

    private Task<string> WriteAsync(string url, string body, string? contentType = null) =>
        _writer.WriteAsync(Url.Parse(url), contentType, new MemoryStream(Encoding.UTF8.GetBytes(body)));

    private string[] Files() => Directory.GetFiles(_writer.Root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(_writer.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public async Task WriteAsync_Page_WritesBytesAtMappedPath()
    {
        var relative = await WriteAsync("http://example.com/docs/", "<p>hi</p>", "text/html");

        Assert.Equal("example.com/docs/index.html", relative);
        Assert.Equal("<p>hi</p>", await File.ReadAllTextAsync(Path.Combine(_writer.Root, "example.com", "docs", "index.html")));
    }

    [Fact]
    public async Task WriteAsync_Success_LeavesNoTemporaryFile()
    {
        await WriteAsync("http://example.com/a.css", "a{}", "text/css");
        await WriteAsync("http://example.com/b.css", "b{}", "text/css");

        Assert.Equal(["example.com/a.css", "example.com/b.css"], Files());
    }

    [Fact]
    public async Task WriteAsync_SameUrlAgain_OverwritesAtomically()
    {
        await WriteAsync("http://example.com/a.txt", "first version, longer");
        await WriteAsync("http://example.com/a.txt", "second");

        Assert.Equal("second", await File.ReadAllTextAsync(_writer.FullPath("example.com/a.txt")));
        Assert.Equal(["example.com/a.txt"], Files());
    }

    [Fact]
    public async Task WriteAsync_StreamFailsMidway_LeavesNeitherTargetNorTemporary()
    {
        var failing = new FailingStream(bytesBeforeFailure: 100_000);

        await Assert.ThrowsAsync<IOException>(() => _writer.WriteAsync(Url.Parse("http://example.com/big.bin"), null, failing));

        Assert.Empty(Files());
    }

    [Fact]
    public async Task WriteAsync_StreamFailsMidway_KeepsPreviousVersion()
    {
        await WriteAsync("http://example.com/a.txt", "good");

        await Assert.ThrowsAsync<IOException>(() => _writer.WriteAsync(Url.Parse("http://example.com/a.txt"), null, new FailingStream(10)));

        Assert.Equal("good", await File.ReadAllTextAsync(_writer.FullPath("example.com/a.txt")));
        Assert.Equal(["example.com/a.txt"], Files());
    }

    [Fact]
    public async Task WriteAsync_LargeNonSeekableStream_CopiesEveryByte()
    {
        const int size = 1024 * 1024 + 17;
        var source = new FailingStream(bytesBeforeFailure: long.MaxValue, length: size);

        var relative = await _writer.WriteAsync(Url.Parse("http://example.com/big.bin"), null, source);

        var bytes = await File.ReadAllBytesAsync(_writer.FullPath(relative));
        Assert.Equal(size, bytes.Length);
        Assert.True(bytes.Select((b, i) => b == (byte)(i % 251)).All(ok => ok));
    }

    [Theory]
    [InlineData("http://example.com/../../etc/passwd")]
    [InlineData("http://example.com/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("http://example.com/%2E%2e%2f%2E%2e%2fetc%2fpasswd")]
    [InlineData("http://example.com/..%2f..%2fetc%2fpasswd")]
    [InlineData("http://example.com/..%5c..%5cetc%5cpasswd")]
    [InlineData("http://example.com/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd")]
    [InlineData("http://example.com/a/%00/b")]
    [InlineData("http://example.com/CON")]
    [InlineData("http://example.com/aux.txt")]
    [InlineData("http://example.com/x?../../../etc/passwd")]
    public async Task WriteAsync_HostileUrls_StayUnderRoot(string url)
    {
        var relative = await WriteAsync(url, "x");

        Assert.StartsWith(_writer.Root + Path.DirectorySeparatorChar, _writer.FullPath(relative), StringComparison.Ordinal);
        Assert.DoesNotContain("..", relative.Split('/'));
        Assert.True(File.Exists(_writer.FullPath(relative)));
        Assert.Single(Files());
    }

    [Fact]
    public async Task WriteAsync_LongName_IsShortenedAndWritten()
    {
        var relative = await WriteAsync("http://example.com/" + new string('n', 300) + ".png", "x");

        Assert.True(File.Exists(_writer.FullPath(relative)));
        Assert.EndsWith(".png", relative, StringComparison.Ordinal);
        Assert.True(relative.Split('/')[^1].Length <= MirrorLimits.DefaultMaxSegmentBytes);
    }

    [Fact]
    public async Task WriteAsync_FileThenDirectoryAndIndex_AllCoexist()
    {
        await WriteAsync("http://example.com/a", "file a");
        await WriteAsync("http://example.com/a/", "dir index", "text/html");
        await WriteAsync("http://example.com/a/b", "file b");

        Assert.Equal(["example.com/a", "example.com/a~1/b", "example.com/a~1/index.html"], Files());
    }

    [Fact]
    public async Task WriteAsync_SymbolicLinkInsideRoot_IsRefused()
    {
        var outside = Path.Combine(_temp.Path, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(Path.Combine(_writer.Root, "example.com"), outside);

        var error = await Assert.ThrowsAsync<UnsafePathException>(() => WriteAsync("http://example.com/x.txt", "x"));

        Assert.Contains("symbolic link", error.Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outside));
    }

    /// <summary>Non-seekable, produces a byte pattern, throws IOException after a set number of bytes.</summary>
    private sealed class FailingStream(long bytesBeforeFailure, long length = long.MaxValue) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= bytesBeforeFailure)
            {
                throw new IOException("connection reset (test)");
            }

            var n = (int)Math.Min(count, Math.Min(length - _position, bytesBeforeFailure - _position));
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (byte)((_position + i) % 251);
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
