namespace Crawler.Actors.Fetching;

/// <summary>The outcome of one fetch plus, for HTML and CSS, the content to parse; <see cref="SkippedReason"/> set when nothing was requested.</summary>
public sealed record FetchWorkResult(UrlOutcome Outcome, string? Text, DocumentKind Kind, string? SkippedReason);
