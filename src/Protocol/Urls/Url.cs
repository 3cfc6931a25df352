namespace Crawler.Protocol.Urls;

// STUB (skeleton): the API every layer codes against. The real RFC 3986 parser/resolver/normalizer replaces
// the System.Uri-based body; the public surface below stays.
/// <summary>An absolute URL: http, https, file, data, or view-source: wrapping another URL.</summary>
public sealed class Url : IEquatable<Url>
{
    private readonly string _text;

    private Url(string text, string scheme, string host, int port, bool isDefaultPort, string path, string? query, string? fragment, Url? inner)
    {
        _text = text;
        Scheme = scheme;
        Host = host;
        Port = port;
        IsDefaultPort = isDefaultPort;
        Path = path;
        Query = query;
        Fragment = fragment;
        Inner = inner;
    }

    /// <summary>Lower-case scheme without the colon: http, https, file, data, view-source.</summary>
    public string Scheme { get; }

    /// <summary>Lower-case ASCII host (IDN as punycode); IPv6 literals without brackets. Empty when none.</summary>
    public string Host { get; }

    /// <summary>The effective port (the scheme's default when none was given); -1 for schemes without ports.</summary>
    public int Port { get; }

    public bool IsDefaultPort { get; }

    /// <summary>The path as written on the wire (percent-encoded); "/" at least for http(s).</summary>
    public string Path { get; }

    /// <summary>The query without '?', or null when the URL has none.</summary>
    public string? Query { get; }

    /// <summary>The fragment without '#', or null.</summary>
    public string? Fragment { get; }

    /// <summary>For view-source: the wrapped URL; otherwise null.</summary>
    public Url? Inner { get; }

    public bool IsHttp => Scheme is "http" or "https";

    /// <summary>host[:port] as sent in the Host header: brackets around IPv6, port only when not the default.</summary>
    public string Authority => (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host) + (IsDefaultPort ? "" : $":{Port}");

    /// <summary>The request target: path plus '?query'.</summary>
    public string PathAndQuery => Query is null ? Path : $"{Path}?{Query}";

    public static Url Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("view-source:", StringComparison.OrdinalIgnoreCase))
        {
            var inner = Parse(text["view-source:".Length..]);
            return new Url("view-source:" + inner, "view-source", "", -1, true, inner.ToString(), null, null, inner);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new UrlFormatException(text, "not an absolute URL");
        }

        return FromUri(uri);
    }

    public static bool TryParse(string text, out Url? url, out string? error)
    {
        try
        {
            url = Parse(text);
            error = null;
            return true;
        }
        catch (UrlFormatException e)
        {
            url = null;
            error = e.Reason;
            return false;
        }
    }

    /// <summary>Resolves a reference against this URL (RFC 3986 §5).</summary>
    public Url Resolve(string reference)
    {
        if (!Uri.TryCreate(new Uri(_text), reference, out var uri))
        {
            throw new UrlFormatException(reference, "cannot be resolved against " + _text);
        }

        return FromUri(uri);
    }

    /// <summary>The form used for de-duplication: fragment dropped, case, default port, dot segments and escapes normalized.</summary>
    public Url Normalize() => WithoutFragment();

    public Url WithoutFragment() => Fragment is null ? this : Parse(_text[.._text.IndexOf('#', StringComparison.Ordinal)]);

    public override string ToString() => _text;

    public bool Equals(Url? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Url);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    private static Url FromUri(Uri uri)
    {
        var scheme = uri.Scheme.ToLowerInvariant();
        var query = uri.Query.Length > 0 ? uri.Query[1..] : null;
        var fragment = uri.Fragment.Length > 0 ? uri.Fragment[1..] : null;
        var host = uri.IdnHost.Trim('[', ']');
        return new Url(uri.AbsoluteUri, scheme, host, uri.Port, uri.IsDefaultPort, uri.AbsolutePath, query, fragment, null);
    }
}
