using Crawler.Host.Configuration.Hocon;

namespace Crawler.Host.Configuration;

/// <summary>
/// Maps <c>CRAWLER__SECTION__KEY</c> variables to settings: the prefix selects <c>crawler</c>, a double underscore
/// separates path elements, a single underscore becomes a dash, and letters are lower-cased. So
/// <c>CRAWLER__HTTP__USER_AGENT</c> sets <c>crawler.http.user-agent</c> and <c>CRAWLER__HTTP__CACHE__ENABLED</c> sets
/// <c>crawler.http.cache.enabled</c>. (Keys with underscores cannot be reached this way; reference.conf has none.)
/// </summary>
public static class EnvironmentVariableMapper
{
    public const string Prefix = "CRAWLER__";

    private const string Separator = "__";

    public static bool TryMap(string name, out HoconPath path)
    {
        ArgumentNullException.ThrowIfNull(name);
        path = HoconPath.Root;
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || name.Length == Prefix.Length)
        {
            return false;
        }

        var segments = new List<string> { CrawlerSettings.SectionName };
        foreach (var part in name[Prefix.Length..].Split(Separator))
        {
            if (part.Length == 0 || part.StartsWith('_') || part.EndsWith('_'))
            {
                return false;
            }

            segments.Add(part.ToLowerInvariant().Replace('_', '-'));
        }

        path = new HoconPath(segments);
        return true;
    }
}
