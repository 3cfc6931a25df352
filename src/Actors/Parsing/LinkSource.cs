using System.Collections.Concurrent;

namespace Crawler.Actors.Parsing;

/// <summary>
/// The "element@attribute" a link was found in (<see cref="ExtractedLink.Source"/>), one shared string per pair: every
/// link of every page has one, and nearly all come from a handful of pairs (a@href, img@src, link@href...).
/// </summary>
internal static class LinkSource
{
    // Bounded: a style attribute makes any element name a source, and a hostile page may invent thousands of them.
    private const int MaxShared = 256;

    private static readonly ConcurrentDictionary<(string Element, string Attribute), string> Shared = new();
    private static int _sharedCount;

    public static string Of(string element, string attribute)
    {
        if (Shared.TryGetValue((element, attribute), out var source))
        {
            return source;
        }

        source = string.Concat(element, "@", attribute);
        if (Interlocked.Increment(ref _sharedCount) <= MaxShared)
        {
            Shared.TryAdd((element, attribute), source);
        }

        return source;
    }
}
