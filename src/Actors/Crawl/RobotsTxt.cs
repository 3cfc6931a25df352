using System.Globalization;
using System.Text;

namespace Crawler.Actors.Crawl;

/// <summary>
/// A parsed robots.txt (RFC 9309, and Google's reading of it): groups of rules per user-agent, Allow/Disallow with
/// '*' and a final '$', longest match wins and Allow wins ties, Crawl-delay per group, Sitemap lines anywhere.
/// </summary>
/// <remarks>
/// A group is one or more consecutive User-agent lines and the rules after them. Our crawler's product token (the
/// user agent up to '/' or a space, e.g. "crawler" in "crawler/1.0") is compared case-insensitively with each
/// group's tokens; all groups naming it are merged, and only when none does are the "*" groups used. Rules before
/// any User-agent line are ignored. Patterns and paths are compared after normalising percent-encoding (non-ASCII
/// as UTF-8 escapes, upper-case hex, unreserved characters decoded), so "/caf%c3%a9" and "/café" match.
/// </remarks>
public sealed class RobotsTxt
{
    /// <summary>
    /// RFC 9309 §2.5: crawlers must parse at least the first 500 KiB; what follows is ignored, bounding memory.
    /// The default of <see cref="Parse"/>'s cap (crawler.crawl.robots.max-bytes).
    /// </summary>
    public const int DefaultMaxParsedChars = 500 * 1024;

    private const string RobotsPath = "/robots.txt";

    private readonly List<Group> _groups;
    private AgentGroups? _lastAgentGroups;

    private RobotsTxt(List<Group> groups, IReadOnlyList<string> sitemaps)
    {
        _groups = groups;
        Sitemaps = sitemaps;
    }

    /// <summary>No rules: what a missing robots.txt (4xx) means.</summary>
    public static RobotsTxt AllowAll { get; } = new([], []);

    /// <summary>
    /// Everything disallowed: what RFC 9309 §2.3.1.4 says to assume when robots.txt is unreachable (5xx, network error).
    /// </summary>
    public static RobotsTxt DisallowAll { get; } = new([new Group(["*"]) { Rules = { new RobotsRule(false, "/") } }], []);

    /// <summary>Absolute URLs of the Sitemap lines, in order.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsTxt Parse(string content, int maxChars = DefaultMaxParsedChars)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);
        if (content.Length > maxChars)
        {
            content = content[..maxChars];
        }

        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in content.TrimStart('\uFEFF').Split(["\r\n", "\r", "\n"], StringSplitOptions.None))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash < 0 ? rawLine : rawLine[..hash]).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent" or "useragent" or "user agent":
                    if (!lastWasAgent || current is null)
                    {
                        current = new Group([]);
                        groups.Add(current);
                    }

                    current.Agents.Add(ProductToken(value, allowStar: true));
                    lastWasAgent = true;
                    break;
                case "allow" or "disallow" or "dissallow" or "dissalow" or "disalow" or "diasllow" or "disallaw":
                    lastWasAgent = false;
                    if (current is not null && value.Length > 0)
                    {
                        current.Rules.Add(new RobotsRule(key == "allow", Normalize(value)));
                    }

                    break;
                case "crawl-delay" or "crawldelay":
                    lastWasAgent = false;
                    if (current is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds))
                    {
                        current.CrawlDelay ??= TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
                    }

                    break;
                case "sitemap" or "site-map":
                    if (value.Length > 0)
                    {
                        sitemaps.Add(value);
                    }

                    break;
                default:
                    break; // unknown lines neither start nor end a group
            }
        }

        return new RobotsTxt(groups, sitemaps);
    }

    /// <summary>Whether <paramref name="userAgent"/> may fetch <paramref name="pathAndQuery"/> ("/a/b?c").</summary>
    public bool IsAllowed(string pathAndQuery, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ArgumentNullException.ThrowIfNull(userAgent);
        var path = pathAndQuery.Length == 0 ? "/" : Normalize(pathAndQuery);
        if (path == RobotsPath)
        {
            return true;
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var group in GroupsFor(userAgent))
        {
            foreach (var rule in group.Rules)
            {
                if (!Matches(path, rule.Pattern))
                {
                    continue;
                }

                // The longest matching pattern decides; at equal length, Allow wins.
                if (rule.Pattern.Length > bestLength)
                {
                    bestLength = rule.Pattern.Length;
                    allowed = rule.Allow;
                }
                else if (rule.Pattern.Length == bestLength && rule.Allow)
                {
                    allowed = true;
                }
            }
        }

        return allowed;
    }

    /// <summary>The Crawl-delay of the groups that apply to <paramref name="userAgent"/>, or null when none says.</summary>
    public TimeSpan? CrawlDelay(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        foreach (var group in GroupsFor(userAgent))
        {
            if (group.CrawlDelay is { } delay)
            {
                return delay;
            }
        }

        return null;
    }

    // Asked twice for every URL of a crawl, always with the same agent: the answer for the last agent is kept
    // (an immutable pair swapped whole, so concurrent fetches may read it without a lock).
    private List<Group> GroupsFor(string userAgent)
    {
        if (Volatile.Read(ref _lastAgentGroups) is { } last && string.Equals(last.UserAgent, userAgent, StringComparison.Ordinal))
        {
            return last.Groups;
        }

        var token = ProductToken(userAgent, allowStar: false);
        var specific = _groups.Where(g => token.Length > 0 && g.Agents.Contains(token)).ToList();
        var groups = specific.Count > 0 ? specific : _groups.Where(g => g.Agents.Contains("*")).ToList();
        Volatile.Write(ref _lastAgentGroups, new AgentGroups(userAgent, groups));
        return groups;
    }

    /// <summary>The leading [A-Za-z_-] run, lower-case ("Googlebot/2.1 (+http...)" gives "googlebot").</summary>
    private static string ProductToken(string value, bool allowStar)
    {
        if (allowStar && value.StartsWith('*'))
        {
            return "*";
        }

        var end = 0;
        while (end < value.Length && (char.IsAsciiLetter(value[end]) || value[end] is '_' or '-'))
        {
            end++;
        }

        return value[..end].ToLowerInvariant();
    }

    /// <summary>Google's matcher: the pattern must match a prefix of the path; '*' matches any run; a final '$' anchors the end.</summary>
    private static bool Matches(string path, string pattern)
    {
        // Most rules are plain prefixes ("Disallow: /private/"); the wildcard walk below is for the rest.
        if (pattern.AsSpan().IndexOfAny('*', '$') < 0)
        {
            return path.StartsWith(pattern, StringComparison.Ordinal);
        }

        // The set of path positions the pattern prefix seen so far can end at, kept sorted and distinct.
        Span<int> positions = path.Length < 256 ? stackalloc int[path.Length + 1] : new int[path.Length + 1];
        var count = 1;
        for (var j = 0; j < pattern.Length; j++)
        {
            var c = pattern[j];
            if (c == '$' && j == pattern.Length - 1)
            {
                return positions[count - 1] == path.Length;
            }

            if (c == '*')
            {
                count = path.Length - positions[0] + 1;
                for (var i = 1; i < count; i++)
                {
                    positions[i] = positions[i - 1] + 1;
                }

                continue;
            }

            var next = 0;
            for (var i = 0; i < count; i++)
            {
                if (positions[i] < path.Length && path[positions[i]] == c)
                {
                    positions[next++] = positions[i] + 1;
                }
            }

            if (next == 0)
            {
                return false;
            }

            count = next;
        }

        return true;
    }

    private static string Normalize(string value)
    {
        // Checked for every URL of a crawl, and nearly every path is plain ASCII with no escape: nothing to rewrite.
        if (!value.Contains('%', StringComparison.Ordinal) && Ascii.IsValid(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && char.IsAsciiHexDigit(value[i + 1]) && char.IsAsciiHexDigit(value[i + 2]))
            {
                var decoded = (char)Convert.ToByte(value.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(decoded) || decoded is '-' or '.' or '_' or '~')
                {
                    builder.Append(decoded);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(value[i + 1])).Append(char.ToUpperInvariant(value[i + 2]));
                }

                i += 2;
            }
            else if (c < 0x80)
            {
                builder.Append(c);
            }
            else
            {
                var count = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
                var written = Encoding.UTF8.GetBytes(value.AsSpan(i, count), utf8);
                foreach (var b in utf8[..written])
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }

                i += count - 1;
            }
        }

        return builder.ToString();
    }

    private sealed record AgentGroups(string UserAgent, List<Group> Groups);

    private sealed class Group(List<string> agents)
    {
        public List<string> Agents { get; } = agents;

        public List<RobotsRule> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }
}
