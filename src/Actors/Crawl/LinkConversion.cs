using System.Text;
using Crawler.Actors.Fetching;
using Crawler.Actors.Mirror;

namespace Crawler.Actors.Crawl;

/// <summary>--convert-links: after the crawl, points every saved HTML and CSS document's links at the mirror's files.</summary>
public static class LinkConversion
{
    /// <summary>Rewrites the saved documents among <paramref name="outcomes"/>; returns how many files changed.</summary>
    public static async Task<int> ConvertAsync(MirrorWriter writer, IReadOnlyList<UrlOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcomes);
        var rewriter = new LinkRewriter(writer.Layout.Snapshot());
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

            var documentUrl = outcome.FinalUrl ?? outcome.Url;
            var text = await File.ReadAllTextAsync(writer.FullPath(path), Encoding.UTF8, cancellationToken);
            var rewritten = kind == DocumentKind.Html
                ? rewriter.RewriteHtml(text, documentUrl, path)
                : rewriter.RewriteCss(text, documentUrl, path);
            if (!ReferenceEquals(rewritten, text) && rewritten != text)
            {
                using var content = new MemoryStream(Encoding.UTF8.GetBytes(rewritten));
                await writer.WriteToAsync(path, content, cancellationToken);
                changed++;
            }
        }

        return changed;
    }
}
