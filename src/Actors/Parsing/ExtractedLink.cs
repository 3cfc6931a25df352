using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>
/// One resolved, fragment-free reference found in a document; <paramref name="Source"/> names where, e.g. "img@srcset" or
/// "css@import". A value: a page yields dozens, and they travel in one list.
/// </summary>
public readonly record struct ExtractedLink(Url Url, LinkKind Kind, string Source);
