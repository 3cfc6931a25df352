namespace Crawler.Actors.Tests.Fetching;

// Prefix "Disallow:" lines for every agent: enough to prove the fetcher honours robots.txt.
internal static class TestRobots
{
    public static Func<string, bool> Parse(string text)
    {
        var disallowed = text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
            .Select(l => l["Disallow:".Length..].Trim())
            .Where(p => p.Length > 0)
            .ToArray();
        return path => !disallowed.Any(d => path.StartsWith(d, StringComparison.Ordinal));
    }
}
