namespace Crawler.Actors.Fetching;

/// <summary>Classifies a response by Content-Type, falling back to the path's extension when the type is missing.</summary>
public static class DocumentKinds
{
    public static DocumentKind Of(string? contentType, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!string.IsNullOrWhiteSpace(contentType))
        {
            var media = contentType.Split(';', 2)[0].Trim();
            if (media.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || media.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
            {
                return DocumentKind.Html;
            }

            if (media.Equals("text/css", StringComparison.OrdinalIgnoreCase))
            {
                return DocumentKind.Css;
            }

            if (!media.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return DocumentKind.Other;
            }
        }

        var extension = Path.GetExtension(path);
        return extension.ToUpperInvariant() switch
        {
            ".HTML" or ".HTM" => DocumentKind.Html,
            ".CSS" => DocumentKind.Css,
            "" when path.EndsWith('/') => DocumentKind.Html,
            _ => DocumentKind.Other,
        };
    }
}
