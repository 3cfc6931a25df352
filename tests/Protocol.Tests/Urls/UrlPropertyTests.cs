using System.Text;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Urls;

// Property-style checks over a seeded, bounded corpus (FsCheck.Xunit is not available here).
public sealed class UrlPropertyTests
{
    private const int Seed = 3986;
    private const int Cases = 2000;

    private static readonly string[] Segments = [".", "..", "a", "b", "%2E", "%2e%2E", "%7e", "%41", "%2f", "x y", "\u00e9", "", "c;p", "%zz", "~", "A"];
    private static readonly string[] Hosts = ["a", "Example.COM", "127.0.0.1", "[::1]", "xn--bcher-kva.example", "b\u00fccher.example"];
    private static readonly string[] Ports = ["", ":80", ":8080", ":443", ":"];
    private static readonly string[] Queries = ["", "?", "?q", "?a=%7e&b=%2F", "?x y", "?../.."];
    private static readonly string[] Fragments = ["", "#", "#f", "#a/../b"];

    [Fact]
    public void Normalize_AnyGeneratedUrl_IsIdempotent()
    {
        foreach (var text in Corpus())
        {
            var once = Url.Parse(text).Normalize();
            var twice = once.Normalize();
            Assert.True(once.Equals(twice), $"{text}: {once} then {twice}");
            Assert.Equal(once, Url.Parse(once.ToString()));
        }
    }

    [Fact]
    public void Resolve_NormalizedUrlAgainstAnyBase_IsIdempotent()
    {
        var random = new Random(Seed);
        foreach (var text in Corpus())
        {
            var url = Url.Parse(text).Normalize();
            var @base = Url.Parse(Generate(random));
            Assert.Equal(url, @base.Resolve(url.ToString()));
            Assert.Equal(url, url.Resolve(url.ToString()));
            Assert.Equal(url, url.Resolve(""));
        }
    }

    [Fact]
    public void Resolve_GeneratedRelativePaths_NeverLeaveDotSegmentsOrTheHost()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < Cases; i++)
        {
            var @base = Url.Parse(Generate(random));
            // A leading empty segment would make the reference absolute ("/x") or scheme-relative ("//x").
            var reference = string.Join('/', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Segments[random.Next(Segments.Length)]));
            if (reference.StartsWith('/'))
            {
                reference = "." + reference;
            }

            var resolved = @base.Resolve(reference);
            Assert.Equal(@base.Authority, resolved.Authority);
            Assert.StartsWith("/", resolved.Path, StringComparison.Ordinal);
            Assert.DoesNotContain("/./", resolved.Path + "/", StringComparison.Ordinal);
            Assert.DoesNotContain("/../", resolved.Path + "/", StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Corpus()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Cases; i++)
        {
            yield return Generate(random);
        }
    }

    private static string Generate(Random random)
    {
        var builder = new StringBuilder();
        builder.Append(random.Next(2) == 0 ? "http://" : "HTTPS://");
        builder.Append(Hosts[random.Next(Hosts.Length)]);
        builder.Append(Ports[random.Next(Ports.Length)]);
        var segments = random.Next(0, 6);
        for (var s = 0; s < segments; s++)
        {
            builder.Append('/').Append(Segments[random.Next(Segments.Length)]);
        }

        builder.Append(Queries[random.Next(Queries.Length)]);
        builder.Append(Fragments[random.Next(Fragments.Length)]);
        return builder.ToString();
    }
}
