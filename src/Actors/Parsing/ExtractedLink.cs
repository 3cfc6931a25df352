using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>One resolved, fragment-free reference found in a document; <paramref name="Source"/> names where, e.g. "img@srcset" or "css@import".</summary>
public sealed record ExtractedLink(Url Url, LinkKind Kind, string Source);
