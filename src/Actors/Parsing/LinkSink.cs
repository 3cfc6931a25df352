using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Collects the links of one document, resolved against its base, in document order and one per URL. When a URL is
/// both a page and a requisite (an image that is also linked), the requisite wins: it must be fetched even at the
/// depth limit. References repeat a lot within a page (the same icon, "/" in every menu), so resolutions are cached.
/// Call <see cref="Finish"/> once, at the end: it hands the lookups on to the thread's next document.
/// </summary>
internal sealed class LinkSink
{
    // The two lookups outlive the document: kept per thread and cleared between documents, so a parse allocates its
    // result and little else. One that grew past this (a page of thousands of links) is let go instead.
    private const int MaxKeptLookupSize = 1024;

    [ThreadStatic]
    private static Lookups? t_spare;

    private readonly Url _baseUrl;
    private readonly Lookups _lookups;

    public LinkSink(Url baseUrl)
    {
        _baseUrl = baseUrl;
        _lookups = t_spare ?? new Lookups();
        t_spare = null;
    }

    public Url BaseUrl => _baseUrl;

    // Sized for a typical page (a few dozen references), so most pages never grow it.
    public List<ExtractedLink> Links { get; } = new(32);

    /// <summary>References offered so far, resolvable or not (a base found after the first one means starting over).</summary>
    public int References { get; private set; }

    /// <summary>Resolves <paramref name="reference"/> against the base and adds it, unless it names nothing fetchable.</summary>
    public void AddReference(string reference, LinkKind kind, string source)
    {
        References++;
        if (!_lookups.Resolved.TryGetValue(reference, out var url))
        {
            url = LinkResolver.TryResolve(_baseUrl, reference, out var resolved) ? resolved : null;
            _lookups.Resolved.Add(reference, url);
        }

        if (url is not null)
        {
            Add(url, kind, source);
        }
    }

    /// <summary>The links found; the sink is not to be used after.</summary>
    public List<ExtractedLink> Finish()
    {
        if (_lookups.Resolved.Count <= MaxKeptLookupSize && _lookups.IndexByUrl.Count <= MaxKeptLookupSize)
        {
            _lookups.Resolved.Clear();
            _lookups.IndexByUrl.Clear();
            t_spare = _lookups;
        }

        return Links;
    }

    private void Add(Url url, LinkKind kind, string source)
    {
        if (_lookups.IndexByUrl.TryGetValue(url, out var index))
        {
            if (kind == LinkKind.Requisite && Links[index].Kind == LinkKind.Page)
            {
                Links[index] = new ExtractedLink(url, kind, source);
            }

            return;
        }

        _lookups.IndexByUrl.Add(url, Links.Count);
        Links.Add(new ExtractedLink(url, kind, source));
    }

    private sealed class Lookups
    {
        public Dictionary<Url, int> IndexByUrl { get; } = new(32);

        public Dictionary<string, Url?> Resolved { get; } = new(32, StringComparer.Ordinal);
    }
}
