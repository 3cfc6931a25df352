namespace Crawler.Actors.Fetching;

/// <summary>Which extractor a document goes to.</summary>
public enum DocumentKind
{
    Other,
    Html,
    Css,
}
