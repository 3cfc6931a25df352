using Crawler.Actors.Parsing;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// Decides whether a URL belongs to the crawl, from the seeds and <see cref="ScopeOptions"/>:
/// <list type="bullet">
/// <item>Hosts: by default only the seeds' host and port, pages and requisites alike — requisites on other hosts
/// (a CDN) are fetched only with span-hosts, which is wget's behaviour too (-p alone does not span hosts). The
/// default ports of http and https count as the same port, so a seed redirected from http to https stays in scope.</item>
/// <item>With span-hosts: any host, or with domains only hosts equal to or under one of them (label suffix:
/// "b.org" allows "www.b.org", not "evilb.org"). The seeds' own hosts are always allowed.</item>
/// <item>Exclude patterns refuse pages and requisites; include patterns and no-parent apply to pages only, since
/// a page under /blog/ still needs /static/site.css to render.</item>
/// <item>The seeds themselves are always in scope: as in wget, -I/-X/--no-parent shape the recursion, not the start
/// URLs. Robots.txt still applies to them; that is checked at fetch time, not here.</item>
/// </list>
/// </summary>
public sealed class ScopeRules
{
    private readonly ScopeOptions _options;
    private readonly HashSet<Url> _seeds = [];
    private readonly HashSet<(string Host, int Port)> _seedHosts = [];
    private readonly List<(string Host, int Port, string Directory)> _seedDirectories = [];
    private readonly string[] _domains;
    private readonly PathPattern[] _include;
    private readonly PathPattern[] _exclude;

    public ScopeRules(IEnumerable<Url> seeds, ScopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        foreach (var seed in seeds)
        {
            _seeds.Add(seed.Normalize());
            var key = HostKey(seed);
            _seedHosts.Add(key);
            var slash = seed.Path.LastIndexOf('/');
            _seedDirectories.Add((key.Host, key.Port, slash < 0 ? "/" : seed.Path[..(slash + 1)]));
        }

        _domains = options.Domains.Select(d => d.Trim().TrimStart('.').ToLowerInvariant()).Where(d => d.Length > 0).ToArray();
        _include = options.Include.Select(p => new PathPattern(p)).ToArray();
        _exclude = options.Exclude.Select(p => new PathPattern(p)).ToArray();
    }

    public bool IsInScope(Url url, LinkKind kind) => Check(url, kind) == ScopeVerdict.InScope;

    public ScopeVerdict Check(Url url, LinkKind kind)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_seeds.Contains(url.Normalize()))
        {
            return ScopeVerdict.InScope;
        }

        var hostKey = HostKey(url);
        if (!_seedHosts.Contains(hostKey))
        {
            if (!_options.SpanHosts)
            {
                return ScopeVerdict.OtherHost;
            }

            if (_domains.Length > 0 && !_domains.Any(d => IsUnderDomain(hostKey.Host, d)))
            {
                return ScopeVerdict.OutsideDomains;
            }
        }

        // Asked for every link of every page: plain loops, and the path+query string only when a pattern needs it.
        var pathAndQuery = _exclude.Length > 0 || _include.Length > 0 ? url.PathAndQuery : "";
        if (AnyMatches(_exclude, pathAndQuery))
        {
            return ScopeVerdict.Excluded;
        }

        if (kind == LinkKind.Requisite)
        {
            return ScopeVerdict.InScope;
        }

        if (_include.Length > 0 && !AnyMatches(_include, pathAndQuery))
        {
            return ScopeVerdict.NotIncluded;
        }

        if (_options.NoParent && !IsBelowSeedDirectory(hostKey, url.Path))
        {
            return ScopeVerdict.AboveParent;
        }

        return ScopeVerdict.InScope;
    }

    private static bool AnyMatches(PathPattern[] patterns, string pathAndQuery)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(pathAndQuery))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsBelowSeedDirectory((string Host, int Port) hostKey, string path)
    {
        var sawHost = false;
        foreach (var (host, port, directory) in _seedDirectories)
        {
            if (host == hostKey.Host && port == hostKey.Port)
            {
                sawHost = true;
                if (path.StartsWith(directory, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        // A host reached by spanning has no seed directory to stay under.
        return !sawHost;
    }

    private static bool IsUnderDomain(string host, string domain) =>
        host == domain || (host.Length > domain.Length && host.EndsWith(domain, StringComparison.Ordinal) && host[^(domain.Length + 1)] == '.');

    // -1 stands for "the scheme's default port", so http://a/ and https://a/ are one site.
    private static (string Host, int Port) HostKey(Url url) => (url.Host.ToLowerInvariant(), url.IsDefaultPort ? -1 : url.Port);
}
