using System.Reflection;

namespace Crawler.Host.Sample;

/// <summary>
/// The small site embedded in the executable (src/Host/SampleSite, resources named <c>sample-site/PATH</c>):
/// what <c>crawler get</c> shows and <c>crawler crawl</c> mirrors when given no URL, so both work on a fresh machine.
/// </summary>
internal static class SampleSite
{
    private const string Prefix = "sample-site/";

    public const string IndexPath = "index.html";

    /// <summary>Relative paths of every file in the site, with '/' separators.</summary>
    public static IReadOnlyList<string> Paths { get; } =
        [.. Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..].Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static Assembly Assembly => typeof(SampleSite).Assembly;

    /// <summary>The file's bytes as a stream, or null when the site has no such file.</summary>
    public static Stream? Open(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return Assembly.GetManifestResourceStream(Prefix + relativePath.TrimStart('/'));
    }

    public static byte[] ReadAllBytes(string relativePath)
    {
        using var stream = Open(relativePath) ?? throw new FileNotFoundException($"the sample site has no '{relativePath}'", relativePath);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
