using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Urls;

/// <summary>
/// <see cref="Url.Resolve"/> takes a fast route for plain references; these tests hold it to the general route's
/// answers over an exhaustive corpus of short references built from the pieces that matter to resolution.
/// </summary>
public sealed class UrlResolvePlainTests
{
    private static readonly string[] Bases =
    [
        "http://a/b/c/d;p?q",
        "http://127.0.0.1:18700/sec-03/part-00/page-00123.html",
        "http://h/",
        "https://[::1]:8443/x/y/",
        "http://u:p@h/dir/f?q",
        "https://example.com/%2E%2e/a%20b/",
        "file:///home/user/site/index.html",
    ];

    // Dot segments, escapes, query and fragment marks, and one of each character the fast route must refuse.
    private static readonly string[] Pieces =
    [
        "", ".", "..", "/", "a", "b.html", "%2E", "%2e%2E", "?", "?x=1&y", "#f", ":", "@", ";p", "~u", "\\", " ", "\t",
        "\u00e9", "'", "\"", "`", "{", "<",
    ];

    [Fact]
    public void TryResolvePlain_EveryShortReference_AgreesWithTheGeneralRoute()
    {
        var fastRoutes = 0;
        foreach (var baseText in Bases)
        {
            var baseUrl = Url.Parse(baseText);
            var origin = baseUrl.IsHttp ? $"{baseUrl.Scheme}://{baseUrl.Authority}" : "";
            foreach (var reference in References())
            {
                foreach (var candidate in new[] { reference, origin + reference, origin.ToUpperInvariant() + reference })
                {
                    var fast = baseUrl.TryResolvePlain(candidate);
                    if (fast is null)
                    {
                        continue;
                    }

                    fastRoutes++;
                    var general = baseUrl.ResolveGeneral(candidate);
                    Assert.True(
                        general.ToString() == fast.ToString() && general.Path == fast.Path && general.Query == fast.Query && fast.Fragment is null,
                        $"'{candidate}' against {baseUrl}: fast {fast} (path {fast.Path}, query {fast.Query ?? "null"}), general {general}");
                }
            }
        }

        // The corpus must exercise the fast route, not only the refusals.
        Assert.True(fastRoutes > 10_000, $"only {fastRoutes} references took the fast route");
    }

    [Theory]
    [InlineData("page-01003.html", "http://127.0.0.1:18700/sec-03/part-00/page-01003.html")]
    [InlineData("../../sec-04/part-03/page-05004.html", "http://127.0.0.1:18700/sec-04/part-03/page-05004.html")]
    [InlineData("/static/css/site.css", "http://127.0.0.1:18700/static/css/site.css")]
    [InlineData("http://127.0.0.1:18700/sec-03/part-00/page-00983.html", "http://127.0.0.1:18700/sec-03/part-00/page-00983.html")]
    [InlineData("../", "http://127.0.0.1:18700/sec-03/")]
    [InlineData("?v=2", "http://127.0.0.1:18700/sec-03/part-00/page-00123.html?v=2")]
    public void TryResolvePlain_TypicalLinks_TakeTheFastRoute(string reference, string expected)
    {
        var baseUrl = Url.Parse("http://127.0.0.1:18700/sec-03/part-00/page-00123.html");
        Assert.Equal(expected, baseUrl.TryResolvePlain(reference)?.ToString());
        Assert.Equal(expected, baseUrl.Resolve(reference).ToString());
    }

    [Theory]
    [InlineData("page.html#top")]
    [InlineData("//other.example/x")]
    [InlineData("http://127.0.0.1:18700")]
    [InlineData("https://127.0.0.1:18700/x")]
    [InlineData("HTTP://127.0.0.1:18700/x")]
    [InlineData("a b.html")]
    [InlineData("caf\u00e9.html")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("")]
    public void TryResolvePlain_AnythingElse_IsLeftToTheGeneralRoute(string reference)
        => Assert.Null(Url.Parse("http://127.0.0.1:18700/sec-03/page.html").TryResolvePlain(reference));

    [Fact]
    public void TryResolvePlain_PathPastTheStackBuffer_IsLeftToTheGeneralRoute()
    {
        var baseUrl = Url.Parse("http://h/dir/page.html");
        var longReference = string.Concat(Enumerable.Repeat("segment/", 200)) + "../x";
        Assert.Null(baseUrl.TryResolvePlain(longReference));
        Assert.EndsWith("/segment/x", baseUrl.Resolve(longReference).ToString(), StringComparison.Ordinal);
    }

    // Every sequence of up to three pieces: 24 + 24² + 24³ references.
    private static IEnumerable<string> References()
    {
        foreach (var a in Pieces)
        {
            yield return a;
            foreach (var b in Pieces)
            {
                yield return a + b;
                foreach (var c in Pieces)
                {
                    yield return a + b + c;
                }
            }
        }
    }
}
