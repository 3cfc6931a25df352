namespace Crawler.TestSupport.Loopback;

/// <summary>A request line and headers as the loopback server received them.</summary>
public sealed record RequestHead(string Method, string Target, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The first value of <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? this[string name] => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public int Count(string name) => Headers.Count(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
}
