using System.Text;
using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>--convert-links: after the crawl, points every saved HTML and CSS document's links at the mirror's files.</summary>
public static class LinkConversion
{
    /// <summary>Rewrites the saved documents among <paramref name="outcomes"/>; returns how many files changed.</summary>
    public static async Task<int> ConvertAsync(MirrorWriter writer, IReadOnlyList<UrlOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcomes);
        var rewriter = new LinkRewriter(WithRedirects(writer.Layout.Snapshot(), outcomes));
        var changed = 0;
        foreach (var outcome in outcomes)
        {
            if (outcome.SavedPath is not { } path || !outcome.IsSuccess)
            {
                continue;
            }

            var kind = DocumentKinds.Of(outcome.ContentType, outcome.Url.Path);
            if (kind == DocumentKind.Other)
            {
                continue;
            }

            var text = await File.ReadAllTextAsync(writer.FullPath(path), Encoding.UTF8, cancellationToken);
            var rewritten = kind == DocumentKind.Html
                ? rewriter.RewriteHtml(text, outcome.Url, path)
                : rewriter.RewriteCss(text, outcome.Url, path);
            if (!ReferenceEquals(rewritten, text) && rewritten != text)
            {
                using var content = new MemoryStream(Encoding.UTF8.GetBytes(rewritten));
                await writer.WriteToAsync(path, content, cancellationToken);
                changed++;
            }
        }

        return changed;
    }

    /// <summary>
    /// The saved paths plus one entry per redirect that ends at a saved document, so a link to /old.html that
    /// redirected to /new.html points at new.html's file (wget -k does the same).
    /// </summary>
    internal static IReadOnlyDictionary<Url, string> WithRedirects(IReadOnlyDictionary<Url, string> saved, IReadOnlyList<UrlOutcome> outcomes)
    {
        var redirects = new Dictionary<Url, Url>();
        foreach (var outcome in outcomes)
        {
            if (outcome.RedirectTarget is { } target && outcome.IsSuccess)
            {
                redirects[outcome.Url.Normalize()] = target.Normalize();
            }
        }

        if (redirects.Count == 0)
        {
            return saved;
        }

        var paths = new Dictionary<Url, string>(saved);
        foreach (var source in redirects.Keys)
        {
            // Walk the chain to its end; a chain is at most as long as the redirects there are, so loops end too.
            var current = source;
            for (var hop = 0; hop < redirects.Count && redirects.TryGetValue(current, out var next); hop++)
            {
                current = next;
            }

            if (!paths.ContainsKey(source) && saved.TryGetValue(current, out var path))
            {
                paths[source] = path;
            }
        }

        return paths;
    }
}
