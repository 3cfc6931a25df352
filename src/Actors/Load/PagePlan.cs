using Crawler.Actors.Parsing;
using Crawler.Protocol;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Load;

/// <summary>
/// What one page-mode iteration fetches: the page, then every requisite found once up front (the HTML's
/// images, scripts, styles, icons, and the url()/@import references of its stylesheets), grouped by origin.
/// </summary>
internal sealed class PagePlan
{
    // A page with more requisites than this is a crawl, not a page load; the cap bounds discovery time too.
    internal const int MaxRequisites = 500;

    // Stylesheets importing stylesheets: two levels covers real sites and stops import cycles.
    private const int MaxCssDepth = 2;

    private PagePlan(PageResource page, IReadOnlyList<PageResource> requisites, IReadOnlyList<LoadEndpoint> origins)
    {
        Page = page;
        Requisites = requisites;
        Origins = origins;
    }

    public PageResource Page { get; }

    public IReadOnlyList<PageResource> Requisites { get; }

    /// <summary>Resolved endpoints; index 0 is the page's own origin.</summary>
    public IReadOnlyList<LoadEndpoint> Origins { get; }

    public static async Task<PagePlan> DiscoverAsync(LoadOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new ClientOptions { Insecure = options.Insecure, TotalTimeout = options.Timeout, Cache = null };
        await using var client = new CrawlerClient(clientOptions, time);
        var (pageUrl, html) = await FetchTextAsync(client, options, options.Target, cancellationToken).ConfigureAwait(false);

        var found = new List<Url>();
        var seen = new HashSet<Url> { pageUrl };
        var stylesheets = new Queue<(Url Url, int Depth)>();
        foreach (var link in new ScanningHtmlLinkExtractor().Extract(html, pageUrl))
        {
            if (link.Kind == LinkKind.Requisite && link.Url.IsHttp && seen.Add(link.Url))
            {
                found.Add(link.Url);
                if (link.Source.StartsWith("link@", StringComparison.Ordinal) || link.Url.Path.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
                {
                    stylesheets.Enqueue((link.Url, 1));
                }
            }
        }

        var css = new CssLinkExtractor();
        while (stylesheets.Count > 0 && found.Count < MaxRequisites)
        {
            var (sheet, depth) = stylesheets.Dequeue();
            string text;
            try
            {
                (_, text) = await FetchTextAsync(client, options, sheet, cancellationToken).ConfigureAwait(false);
            }
            catch (LoadException)
            {
                // The stylesheet stays a requisite (its failure will be counted in the run); only its children are unknown.
                continue;
            }

            foreach (var link in css.Extract(text, sheet))
            {
                if (link.Url.IsHttp && seen.Add(link.Url))
                {
                    found.Add(link.Url);
                    if (depth < MaxCssDepth && link.Source.Contains("import", StringComparison.Ordinal))
                    {
                        stylesheets.Enqueue((link.Url, depth + 1));
                    }
                }
            }
        }

        var origins = new List<LoadEndpoint>();
        var originIndex = new Dictionary<(string Scheme, string Authority), int>();
        async Task<PageResource> ResourceAsync(Url url)
        {
            var key = (url.Scheme, url.Authority);
            if (!originIndex.TryGetValue(key, out var index))
            {
                index = origins.Count;
                origins.Add(await LoadEndpoint.ResolveAsync(url, cancellationToken).ConfigureAwait(false));
                originIndex.Add(key, index);
            }

            return new PageResource(url, new LoadRequest(url, options.Headers), index);
        }

        var page = await ResourceAsync(pageUrl).ConfigureAwait(false);
        var requisites = new List<PageResource>();
        foreach (var url in found.Take(MaxRequisites))
        {
            requisites.Add(await ResourceAsync(url).ConfigureAwait(false));
        }

        return new PagePlan(page, requisites, origins);
    }

    private static async Task<(Url FinalUrl, string Text)> FetchTextAsync(CrawlerClient client, LoadOptions options, Url url, CancellationToken cancellationToken)
    {
        try
        {
            await using var response = await client.SendAsync(new FetchRequest(url) { Headers = options.Headers }, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode >= 400)
            {
                throw new LoadException(LoadErrorKind.Status, $"{url} answered {response.StatusCode} {response.ReasonPhrase}");
            }

            using var reader = new StreamReader(response.Body);
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            return (response.Url, text);
        }
        catch (FetchException ex)
        {
            throw new LoadException(KindOf(ex.Kind), $"cannot fetch {url}: {ex.Message}", ex);
        }
    }

    /// <summary>The load report's bucket for a protocol-layer failure.</summary>
    internal static LoadErrorKind KindOf(FetchErrorKind kind) => kind switch
    {
        FetchErrorKind.Network => LoadErrorKind.Connect,
        FetchErrorKind.Timeout => LoadErrorKind.Timeout,
        FetchErrorKind.Protocol or FetchErrorKind.Content or FetchErrorKind.Redirect => LoadErrorKind.Protocol,
        _ => LoadErrorKind.Read,
    };
}
