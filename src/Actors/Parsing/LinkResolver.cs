using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>Turns a reference as written in a document into a crawlable URL, or says it is none.</summary>
public static class LinkResolver
{
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
