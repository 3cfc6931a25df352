using Crawler.Protocol.Text;

namespace Crawler.Actors.Fetching;

/// <summary>The outcome of one fetch plus, for HTML and CSS, the content to parse (the caller owns it: disposes it or hands it to the parser); <see cref="SkippedReason"/> set when nothing was requested.</summary>
public sealed record FetchWorkResult(UrlOutcome Outcome, PooledText? Text, DocumentKind Kind, string? SkippedReason)
{
    /// <summary>Something the crawl report must say about this URL although it succeeded: an HTML or CSS document saved but not parsed, being past the parse limit.</summary>
    public string? Warning { get; init; }
}
