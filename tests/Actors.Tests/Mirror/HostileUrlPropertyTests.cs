using System.Text;
using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Mirror;

/// <summary>Generated hostile URLs (seeded, so failures reproduce) must never map outside the mirror root.</summary>
public sealed class HostileUrlPropertyTests
{
    private const int Seed = 20261123;
    private const int UrlCount = 5000;
    private const int WrittenCount = 400;

    private static readonly string[] Pieces =
    [
        "..", ".", "...", "%2e", "%2e%2e", "%2E%2e", "%2e%2e%2f", "%2E%2e%2F", "..%2f", "..%2F..%2F", "%2e%2e%5c", "..\\", "..%5c",
        "%c0%ae%c0%ae", "%c0%af", "%e0%80%ae", "%c1%9c", "%ff%fe", "%00", "%0a", "%7f", "CON", "con.txt", "aux", "NUL.html", "COM1",
        "lpt9", "a", "b", "index.html", "%25", "%252e%252e", "%", "~", "~1", "@", "%40", "é", "%C3%A9", "%e2%80%ae", " ", "%20", "trailing.",
        "trailing%20", ":", "%3a", "*", "?", "<>|", "\"", "A", "a.HTML", new string('x', 250), new string('é', 120), "%2f", "%5C",
        "/", "//", "\\", "%u002e%u002e",
    ];

    [Fact]
    public void Assign_GeneratedHostileUrls_NeverLeaveRoot()
    {
        var random = new Random(Seed);
        var root = Path.Combine(Path.GetTempPath(), "crawler-property-root");
        var layout = new MirrorLayout();
        var parsed = 0;
        for (var n = 0; n < UrlCount; n++)
        {
            var text = GenerateUrl(random);
            if (!Url.TryParse(text, out var url, out _) || url is null || !url.IsHttp)
            {
                continue;
            }

            parsed++;
            var relative = layout.Assign(url, random.Next(3) == 0 ? "text/html" : null);
            var full = SafePath.Combine(root, relative);

            Assert.StartsWith(root + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
            foreach (var segment in relative.Split('/'))
            {
                Assert.False(segment is "" or "." or "..", $"{text} -> {relative}");
                Assert.DoesNotContain('\\', segment);
                Assert.DoesNotContain('\0', segment);
                Assert.True(Encoding.UTF8.GetByteCount(segment) <= MirrorLimits.DefaultMaxSegmentBytes + 5, $"{text} -> {relative}");
            }
        }

        Assert.True(parsed > UrlCount / 2, $"only {parsed} of {UrlCount} generated URLs parsed");
    }

    [Fact]
    public async Task WriteAsync_GeneratedHostileUrls_AllFilesUnderRootAndDistinct()
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "out");
        var writer = new MirrorWriter(root, new MirrorLayout());
        var random = new Random(Seed + 1);
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < WrittenCount * 2 && written.Count < WrittenCount; n++)
        {
            if (!Url.TryParse(GenerateUrl(random), out var url, out _) || url is null || !url.IsHttp)
            {
                continue;
            }

            written.Add(await writer.WriteAsync(url, null, new MemoryStream([1, 2, 3])));
        }

        var onDisk = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories);
        Assert.All(onDisk, f => Assert.StartsWith(root + Path.DirectorySeparatorChar, Path.GetFullPath(f), StringComparison.Ordinal));
        Assert.Equal(written.Count, onDisk.Length);
    }

    private static string GenerateUrl(Random random)
    {
        var builder = new StringBuilder(random.Next(4) == 0 ? "https://" : "http://");
        builder.Append(random.Next(5) == 0 ? "Example.COM:8080" : "example.com");
        var segments = random.Next(1, 6);
        for (var i = 0; i < segments; i++)
        {
            builder.Append('/');
            var parts = random.Next(1, 3);
            for (var p = 0; p < parts; p++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }

        if (random.Next(4) == 0)
        {
            builder.Append('/');
        }

        if (random.Next(3) == 0)
        {
            builder.Append('?').Append(Pieces[random.Next(Pieces.Length)]).Append('=').Append(Pieces[random.Next(Pieces.Length)]);
        }

        if (random.Next(5) == 0)
        {
            builder.Append('#').Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }
}
