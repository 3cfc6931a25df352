using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Collects links in document order, one per URL. When a URL is both a page and a requisite (an image that is also
/// linked), the requisite wins: it must be fetched even at the depth limit.
/// </summary>
internal sealed class LinkSink
{
    private readonly Dictionary<Url, int> _indexByUrl = [];

    public List<ExtractedLink> Links { get; } = [];

    public void Add(Url url, LinkKind kind, string source)
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
