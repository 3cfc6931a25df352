using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Collects the links of one document, resolved against its base, in document order and one per URL. When a URL is
/// both a page and a requisite (an image that is also linked), the requisite wins: it must be fetched even at the
/// depth limit. References repeat a lot within a page (the same icon, "/" in every menu), so resolutions are cached.
/// </summary>
internal sealed class LinkSink(Url baseUrl)
{
    // Sized for a typical page (a few dozen references), so most pages never grow them.
    private readonly Dictionary<Url, int> _indexByUrl = new(32);
    private readonly Dictionary<string, Url?> _resolved = new(32, StringComparer.Ordinal);

    public Url BaseUrl => baseUrl;

    public List<ExtractedLink> Links { get; } = [];

    /// <summary>References offered so far, resolvable or not (a base found after the first one means starting over).</summary>
    public int References { get; private set; }

    /// <summary>Resolves <paramref name="reference"/> against the base and adds it, unless it names nothing fetchable.</summary>
    public void AddReference(string reference, LinkKind kind, string source)
    {
        References++;
        if (!_resolved.TryGetValue(reference, out var url))
        {
            url = LinkResolver.TryResolve(baseUrl, reference, out var resolved) ? resolved : null;
            _resolved.Add(reference, url);
        }

        if (url is not null)
        {
            Add(url, kind, source);
        }
    }

    private void Add(Url url, LinkKind kind, string source)
    {
        if (_indexByUrl.TryGetValue(url, out var index))
        {
            if (kind == LinkKind.Requisite && Links[index].Kind == LinkKind.Page)
            {
                Links[index] = new ExtractedLink(url, kind, source);
            }

            return;
        }

        _indexByUrl.Add(url, Links.Count);
        Links.Add(new ExtractedLink(url, kind, source));
    }
}
