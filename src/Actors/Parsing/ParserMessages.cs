using Crawler.Actors.Fetching;
using Crawler.Actors.Runtime;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Fetcher to parser: extract the links of an HTML or CSS document and send them to <see cref="ReplyTo"/>.
/// <see cref="Url"/> is the URL as requested (the supervisor's key); links resolve against <see cref="BaseUrl"/>, where redirects ended.
/// </summary>
public sealed record ParseDocument(Url Url, Url BaseUrl, int Depth, DocumentKind Kind, ReadOnlyMemory<byte> Content, string? ContentType, IActorRef ReplyTo);

/// <summary>Parser to supervisor: the document's links (empty, with <see cref="Error"/>, when parsing failed).</summary>
public sealed record LinksFound(Url Page, int Depth, IReadOnlyList<ExtractedLink> Links, string? Error = null);
