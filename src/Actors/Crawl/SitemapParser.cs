using System.Xml;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// Reads sitemap.xml (&lt;urlset&gt;&lt;url&gt;&lt;loc&gt;), sitemap indexes (&lt;sitemapindex&gt;&lt;sitemap&gt;&lt;loc&gt;) and
/// plain-text sitemaps, streaming with XmlReader. Elements are matched by local name only, since sites get the
/// namespace wrong; only a &lt;loc&gt; directly inside &lt;url&gt;/&lt;sitemap&gt; counts, so image:loc and video
/// extensions are not taken for pages. DTDs are refused (no entity expansion, no external fetches).
/// Gzip-compressed sitemaps are the caller's to decompress (the fetcher's content decoding does it).
/// </summary>
public static class SitemapParser
{
    /// <summary>sitemaps.org caps a sitemap file at 50,000 URLs; the default entry cap (crawler.crawl.sitemap.max-urls) follows it.</summary>
    public const int DefaultMaxEntries = 50_000;

    /// <summary>
    /// sitemaps.org caps a sitemap at 50 MB uncompressed; more than that is not a sitemap but an attack on memory.
    /// The default of crawler.crawl.sitemap.max-chars.
    /// </summary>
    public const long DefaultMaxDocumentChars = 50L * 1024 * 1024;

    public static Sitemap Parse(string content, Url sitemapUrl, int maxEntries = DefaultMaxEntries, long maxChars = DefaultMaxDocumentChars)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StringReader(content);
        return Parse(reader, sitemapUrl, maxEntries, maxChars);
    }

    public static Sitemap Parse(Stream content, Url sitemapUrl, int maxEntries = DefaultMaxEntries, long maxChars = DefaultMaxDocumentChars)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StreamReader(content, leaveOpen: true);
        return Parse(reader, sitemapUrl, maxEntries, maxChars);
    }

    public static Sitemap Parse(TextReader reader, Url sitemapUrl, int maxEntries = DefaultMaxEntries, long maxChars = DefaultMaxDocumentChars)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sitemapUrl);
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);
        while (reader.Peek() is var next && next >= 0 && char.IsWhiteSpace((char)next))
        {
            reader.Read();
        }

        return reader.Peek() == '<' ? ParseXml(reader, sitemapUrl, maxEntries, maxChars) : ParseText(reader, sitemapUrl, maxEntries, maxChars);
    }

    private static Sitemap ParseXml(TextReader text, Url sitemapUrl, int maxEntries, long maxChars)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxChars,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        var collector = new Collector(sitemapUrl, maxEntries);
        var kind = SitemapKind.UrlSet;
        string? error = null;
        try
        {
            using var xml = XmlReader.Create(text, settings);
            string? parent = null;
            while (!collector.Full && xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (xml.Depth)
                {
                    case 0:
                        kind = xml.LocalName == "sitemapindex" ? SitemapKind.Index : SitemapKind.UrlSet;
                        break;
                    case 1:
                        parent = xml.LocalName;
                        break;
                    case 2 when xml.LocalName == "loc" && parent is "url" or "sitemap":
                        collector.Add(xml.ReadElementContentAsString());
                        break;
                    default:
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            error = e.Message;
        }

        return collector.Result(kind, error);
    }

    private static Sitemap ParseText(TextReader text, Url sitemapUrl, int maxEntries, long maxChars)
    {
        var collector = new Collector(sitemapUrl, maxEntries);
        long read = 0;
        while (!collector.Full && text.ReadLine() is { } line)
        {
            read += line.Length + 1;
            if (read > maxChars)
            {
                return collector.Result(SitemapKind.Text, $"text sitemap exceeds {maxChars} characters");
            }

            if (line.Trim().Length > 0)
            {
                collector.Add(line);
            }
        }

        return collector.Result(SitemapKind.Text, null);
    }

    private sealed class Collector(Url sitemapUrl, int maxEntries)
    {
        private readonly List<Url> _locations = [];
        private int _skipped;
        private bool _truncated;

        public bool Full => _truncated;

        public void Add(string location)
        {
            if (_locations.Count >= maxEntries)
            {
                _truncated = true;
                return;
            }

            Url url;
            try
            {
                url = sitemapUrl.Resolve(location.Trim());
            }
            catch (UrlFormatException)
            {
                _skipped++;
                return;
            }

            if (url.IsHttp)
            {
                _locations.Add(url);
            }
            else
            {
                _skipped++;
            }
        }

        public Sitemap Result(SitemapKind kind, string? error) => new(kind, _locations, _truncated, _skipped, error);
    }
}
