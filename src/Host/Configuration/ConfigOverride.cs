namespace Crawler.Host.Configuration;

/// <summary>
/// A command-line flag's value for one setting, the top layer of the configuration. <c>crawl --depth 3</c> becomes
/// <c>new ConfigOverride("crawler.crawl.depth", 3, "--depth")</c>; <c>crawler config --origin</c> then shows
/// <c>flag --depth</c>. <paramref name="Value"/> may be a string (parsed like an unquoted HOCON value, so <c>10s</c>
/// works), a bool, a number or a <see cref="TimeSpan"/>.
/// </summary>
public sealed record ConfigOverride(string Path, object Value, string Flag);
