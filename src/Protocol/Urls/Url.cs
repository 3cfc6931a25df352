using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Crawler.Protocol.Urls;

/// <summary>
/// An absolute URL: http, https, file, data, or view-source: wrapping another URL. Immutable; the text is the
/// parsed, serialized form (scheme and host lower-cased, default port dropped, dot segments removed, characters
/// browsers would escape percent-encoded). Equality is on that exact text; use <see cref="Normalize"/> first to de-duplicate.
/// </summary>
public sealed class Url : IEquatable<Url>
{
    // A base path and reference longer than this together take the general route: it bounds the fast route's stack buffer.
    private const int MaxPlainPathLength = 1024;

    // What a plain reference may hold: characters that neither the cleaning, the scheme split, the fragment split nor
    // percent-encoding of a path or (special) query would touch. No ':' (a scheme), '#', '\', quotes, spaces or controls.
    private static readonly SearchValues<char> PlainReferenceCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&()*+,;=/?@%");

    private readonly string _text;

    // Asked for on every routing, politeness and stats step of a fetch; computed once (a benign race: same value).
    private string? _authority;
    private int _hash;

    // Hierarchical URLs (http, https, file).
    internal Url(string scheme, string? userInfo, string host, int port, string path, string? query, string? fragment)
    {
        Scheme = scheme;
        UserInfo = userInfo;
        Host = host;
        Port = port;
        IsDefaultPort = port == UrlParser.DefaultPort(scheme);
        Path = path;
        Query = query;
        Fragment = fragment;
        _text = Serialize();
    }

    private Url(string scheme, string path, string? fragment, Url? inner)
    {
        Scheme = scheme;
        Host = "";
        Port = -1;
        IsDefaultPort = true;
        Path = path;
        Fragment = fragment;
        Inner = inner;
        _text = inner is null ? Serialize() : "view-source:" + inner._text;
    }

    /// <summary>Lower-case scheme without the colon: http, https, file, data, view-source.</summary>
    public string Scheme { get; }

    /// <summary>"user[:password]" before the '@' (percent-encoded), or null. Never sent in the Host header.</summary>
    public string? UserInfo { get; }

    /// <summary>Lower-case ASCII host (IDN as punycode); IPv6 literals without brackets. Empty when none.</summary>
    public string Host { get; }

    /// <summary>The effective port (the scheme's default when none was given); -1 for schemes without ports.</summary>
    public int Port { get; }

    public bool IsDefaultPort { get; }

    /// <summary>
    /// The path as written on the wire (percent-encoded); "/" at least for http(s). For data: everything between
    /// "data:" and the fragment; for view-source: the inner URL's text.
    /// </summary>
    public string Path { get; }

    /// <summary>The query without '?', or null when the URL has none.</summary>
    public string? Query { get; }

    /// <summary>The fragment without '#', or null.</summary>
    public string? Fragment { get; }

    /// <summary>For view-source: the wrapped URL; otherwise null.</summary>
    public Url? Inner { get; }

    public bool IsHttp => Scheme is "http" or "https";

    /// <summary>host[:port] as sent in the Host header: brackets around IPv6, port only when not the default.</summary>
    public string Authority => _authority ??= (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host) + (IsDefaultPort ? "" : $":{Port}");

    /// <summary>The request target: path plus '?query'.</summary>
    public string PathAndQuery => Query is null ? Path : $"{Path}?{Query}";

    private bool IsHierarchical => Scheme is "http" or "https" or "file";

    /// <summary>Parses an absolute URL; throws <see cref="UrlFormatException"/> naming the URL and what is wrong.</summary>
    public static Url Parse(string text) => UrlParser.Parse(text);

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

    /// <summary>
    /// Resolves a reference against this URL (RFC 3986 §5.2, non-strict: "http:g" against an http base is
    /// relative, as browsers treat it). Against view-source: the inner URL is the base, so links lead to the
    /// resources themselves. Against data: only "#fragment" resolves.
    /// </summary>
    public Url Resolve(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (Inner is not null)
        {
            return Inner.Resolve(reference);
        }

        return TryResolvePlain(reference) ?? ResolveGeneral(reference);
    }

    /// <summary>The whole of RFC 3986 §5.2 with browsers' leniency; <see cref="Resolve"/> without its fast path.</summary>
    internal Url ResolveGeneral(string reference)
    {
        var cleaned = UrlParser.Clean(reference);
        if (cleaned.Length > UrlParser.MaxUrlLength)
        {
            throw new UrlFormatException(reference[..100] + "...", $"reference is {cleaned.Length} characters, more than the limit of {UrlParser.MaxUrlLength}");
        }

        if (UrlParser.TrySplitScheme(cleaned, out var scheme, out var afterScheme))
        {
            var hasAuthority = afterScheme.StartsWith("//", StringComparison.Ordinal) || afterScheme.StartsWith(@"\\", StringComparison.Ordinal);
            if (scheme != Scheme || !IsHierarchical || hasAuthority)
            {
                return UrlParser.Parse(cleaned);
            }

            cleaned = afterScheme;
        }

        if (!IsHierarchical)
        {
            if (cleaned.StartsWith('#'))
            {
                return new Url(Scheme, Path, PercentEncoding.Encode(cleaned[1..], PercentEncodeSet.Fragment), null);
            }

            throw new UrlFormatException(reference, $"a relative reference cannot be resolved against a {Scheme}: URL");
        }

        var (refPath, refQuery, refFragment) = UrlParser.SplitQueryAndFragment(cleaned);
        if (refPath.StartsWith("//", StringComparison.Ordinal))
        {
            var builder = new StringBuilder(Scheme.Length + cleaned.Length + 1);
            builder.Append(Scheme).Append(':').Append(refPath);
            AppendQueryAndFragment(builder, refQuery, refFragment);
            return UrlParser.Parse(builder.ToString());
        }

        // Same origin: only path, query and fragment change, so no need to re-parse the authority.
        string path;
        string? query;
        if (refPath.Length == 0)
        {
            path = Path;
            query = refQuery ?? Query;
        }
        else if (refPath[0] == '/')
        {
            path = refPath;
            query = refQuery;
        }
        else
        {
            // RFC 3986 §5.2.3 merge: our hierarchical paths always start with '/', so keep up to the last one.
            path = string.Concat(Path.AsSpan(0, Path.LastIndexOf('/') + 1), refPath);
            query = refQuery;
        }

        path = DotSegments.Remove(PercentEncoding.Encode(path, PercentEncodeSet.Path));
        return new Url(
            Scheme,
            UserInfo,
            Host,
            Port,
            path,
            ReferenceEquals(query, Query) || query is null ? query : PercentEncoding.Encode(query, PercentEncodeSet.SpecialQuery),
            refFragment is null ? null : PercentEncoding.Encode(refFragment, PercentEncodeSet.Fragment));
    }

    /// <summary>
    /// Resolves a reference made of plain characters only, the way nearly every link on a page is written: a relative
    /// path or an absolute path, with or without a query, or this URL's own origin followed by a path. Such a reference
    /// needs none of the general route's cleaning, scheme detection or percent-encoding, so the merged path is built
    /// and its dot segments removed on the stack, and the result costs only its own strings. Null when the reference
    /// is anything else (a fragment, another origin, a character to clean or encode, an unusually long path); the
    /// general route then gives the answer, and a test holds the two routes to the same results.
    /// </summary>
    internal Url? TryResolvePlain(string reference)
    {
        if (!IsHttp)
        {
            return null;
        }

        var rest = reference.AsSpan();

        // This URL's own origin written out, as absolute links to the same site are: the same text as our own prefix.
        var originLength = Scheme.Length + "://".Length + Authority.Length;
        if (UserInfo is null && rest.Length > originLength && rest[originLength] == '/' && rest.StartsWith(_text.AsSpan(0, originLength)))
        {
            rest = rest[originLength..];
        }

        if (rest.IsEmpty || Path.Length + rest.Length > MaxPlainPathLength || rest.StartsWith("//") || rest.ContainsAnyExcept(PlainReferenceCharacters))
        {
            return null;
        }

        var questionMark = rest.IndexOf('?');
        var refPath = questionMark < 0 ? rest : rest[..questionMark];
        string? query = questionMark < 0 ? null : rest[(questionMark + 1)..].ToString();
        if (refPath.IsEmpty)
        {
            return new Url(Scheme, UserInfo, Host, Port, Path, query ?? Query, null);
        }

        // RFC 3986 §5.2.3 merge: our paths always start with '/', so a relative path keeps this one up to its last '/'.
        // The length check above bounds the buffer.
        var directoryLength = refPath[0] == '/' ? 0 : Path.LastIndexOf('/') + 1;
        Span<char> merged = stackalloc char[directoryLength + refPath.Length];
        Path.AsSpan(0, directoryLength).CopyTo(merged);
        refPath.CopyTo(merged[directoryLength..]);

        // The merged path starts with '/', so a dot segment can only follow one.
        if (merged.Contains("/.", StringComparison.Ordinal))
        {
            merged = merged[..DotSegments.Remove(merged, merged)];
        }

        var path = merged.SequenceEqual(Path) ? Path : merged.ToString();
        return new Url(Scheme, UserInfo, Host, Port, path, query, null);
    }

    /// <summary>
    /// The form used for de-duplication: fragment dropped, escapes of unreserved characters decoded and other
    /// escapes' hex upper-cased, then dot segments removed (so "%2E%2E" counts as ".."). Case, default port and an
    /// empty path are already normal after parsing. Idempotent.
    /// </summary>
    public Url Normalize()
    {
        if (Inner is not null)
        {
            var inner = Inner.Normalize();
            return ReferenceEquals(inner, Inner) ? this : CreateViewSource(inner);
        }

        if (!IsHierarchical)
        {
            return WithoutFragment();
        }

        var path = DotSegments.Remove(PercentEncoding.NormalizeEscapes(Path));
        var query = Query is null ? null : PercentEncoding.NormalizeEscapes(Query);
        var userInfo = UserInfo is null ? null : PercentEncoding.NormalizeEscapes(UserInfo);
        if (Fragment is null && ReferenceEquals(path, Path) && ReferenceEquals(query, Query) && ReferenceEquals(userInfo, UserInfo))
        {
            return this;
        }

        return new Url(Scheme, userInfo, Host, Port, path, query, null);
    }

    public Url WithoutFragment()
    {
        if (Fragment is null)
        {
            return this;
        }

        return IsHierarchical ? new Url(Scheme, UserInfo, Host, Port, Path, Query, null) : new Url(Scheme, Path, null, null);
    }

    public override string ToString() => _text;

    public bool Equals(Url? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Url);

    // A crawl hashes each URL several times (the page's link set, the frontier's seen set, the mirror layout); the
    // text never changes, so the hash is worked out once. 0 means "not yet" (a real 0 is simply recomputed).
    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0)
        {
            hash = StringComparer.Ordinal.GetHashCode(_text);
            _hash = hash;
        }

        return hash;
    }

    internal static Url CreateViewSource(Url inner) => new("view-source", inner._text, null, inner);

    internal static Url CreateData(string path, string? fragment) => new("data", path, fragment, null);

    private static void AppendQueryAndFragment(StringBuilder builder, string? query, string? fragment)
    {
        if (query is not null)
        {
            builder.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            builder.Append('#').Append(fragment);
        }
    }

    // One allocation, the result: the handler writes to the stack buffer and rents from the pool past it.
    private string Serialize()
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        text.AppendFormatted(Scheme);
        text.AppendLiteral(":");
        if (IsHierarchical)
        {
            text.AppendLiteral("//");
            if (UserInfo is not null)
            {
                text.AppendFormatted(UserInfo);
                text.AppendLiteral("@");
            }

            var bracketed = Host.Contains(':', StringComparison.Ordinal);
            if (bracketed)
            {
                text.AppendLiteral("[");
            }

            text.AppendFormatted(Host);
            if (bracketed)
            {
                text.AppendLiteral("]");
            }

            if (!IsDefaultPort)
            {
                text.AppendLiteral(":");
                text.AppendFormatted(Port);
            }
        }

        text.AppendFormatted(Path);
        if (Query is not null)
        {
            text.AppendLiteral("?");
            text.AppendFormatted(Query);
        }

        if (Fragment is not null)
        {
            text.AppendLiteral("#");
            text.AppendFormatted(Fragment);
        }

        return text.ToStringAndClear();
    }
}
