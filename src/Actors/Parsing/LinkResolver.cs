using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>Turns a reference as written in a document into a crawlable URL, or says it is none.</summary>
public static class LinkResolver
{
    /// <summary>
    /// The base a document's <c>&lt;base href&gt;</c> sets: <paramref name="href"/> resolved against the document's URL,
    /// or that URL itself when the href is unparsable or names another scheme (a javascript: or data: base would make
    /// every relative link unfetchable).
    /// </summary>
    public static Url ResolveBase(Url documentUrl, string href)
    {
        ArgumentNullException.ThrowIfNull(documentUrl);
        ArgumentNullException.ThrowIfNull(href);
        try
        {
            var resolved = documentUrl.Resolve(href.Trim());
            return resolved.IsHttp || resolved.Scheme == documentUrl.Scheme ? resolved : documentUrl;
        }
        catch (UrlFormatException)
        {
            return documentUrl;
        }
    }

    /// <summary>
    /// Resolves <paramref name="reference"/> against <paramref name="baseUrl"/> and drops the fragment. False for empty
    /// and fragment-only references (they name the document itself), for unparsable ones, and for anything that is
    /// not http(s) — javascript:, mailto:, tel:, data:, blob:... — except file: links within a file: document.
    /// </summary>
    public static bool TryResolve(Url baseUrl, string reference, out Url url)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(reference);
        url = baseUrl;
        var trimmed = reference.AsSpan().Trim(" \t\n\r\f");
        if (trimmed.IsEmpty || trimmed[0] == '#')
        {
            return false;
        }

        var text = trimmed.Length == reference.Length ? reference : trimmed.ToString();
        Url resolved;
        try
        {
            resolved = baseUrl.Resolve(text);
        }
        catch (UrlFormatException)
        {
            return false;
        }

        if (!resolved.IsHttp && !(resolved.Scheme == "file" && baseUrl.Scheme == "file"))
        {
            return false;
        }

        url = resolved.WithoutFragment();
        return true;
    }
}
