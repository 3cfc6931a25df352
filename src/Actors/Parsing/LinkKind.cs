namespace Crawler.Actors.Parsing;

/// <summary>Why a document refers to a URL: to navigate to it, or because rendering the document needs it.</summary>
public enum LinkKind
{
    /// <summary>Navigation (a@href, meta refresh): followed only within the depth limit.</summary>
    Page,

    /// <summary>Needed to render the referring document (images, styles, scripts, frames, fonts): fetched as wget -p does.</summary>
    Requisite,
}
