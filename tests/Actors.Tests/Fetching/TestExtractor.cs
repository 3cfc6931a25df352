using System.Text;
using System.Text.RegularExpressions;
using Crawler.Actors.Fetching;
using Crawler.Actors.Parsing;

namespace Crawler.Actors.Tests.Fetching;

// Enough link extraction for generated test sites (href = page, src / stylesheet href / css url() = requisite),
// so supervisor tests do not depend on the real extractors.
internal static partial class TestExtractor
{
    public static IReadOnlyList<DiscoveredLink> Extract(ParseDocument document)
    {
        var text = Encoding.UTF8.GetString(document.Content.Span);
        var links = new List<DiscoveredLink>();
        if (document.Kind == DocumentKind.Css)
        {
            foreach (Match m in CssUrl().Matches(text))
            {
                links.Add(new DiscoveredLink(document.BaseUrl.Resolve(m.Groups[1].Value), true));
            }

            return links;
        }

        foreach (Match m in Attribute().Matches(text))
        {
            var isStylesheet = m.Value.Contains("stylesheet", StringComparison.Ordinal);
            var isRequisite = m.Groups[1].Value == "src" || isStylesheet;
            links.Add(new DiscoveredLink(document.BaseUrl.Resolve(m.Groups[2].Value), isRequisite));
        }

        return links;
    }

    [GeneratedRegex("""(?:rel="stylesheet"\s+)?(href|src)="([^"]*)"(?:\s+rel="stylesheet")?""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""url\(["']?([^"')]+)["']?\)""")]
    private static partial Regex CssUrl();
}
