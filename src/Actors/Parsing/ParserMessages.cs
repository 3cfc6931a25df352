using Crawler.Actors.Fetching;
using Crawler.Actors.Runtime;
using Crawler.Protocol.Text;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Fetcher to parser: extract the links of an HTML or CSS document (already decoded to text) and send them to
/// <see cref="ReplyTo"/>. <see cref="Url"/> is both the supervisor's key and the base links resolve against.
/// The message owns <see cref="Text"/>'s pooled buffer: the parser disposes it when done, and nobody else reads it.
/// </summary>
public sealed record ParseDocument(Url Url, int Depth, DocumentKind Kind, PooledText Text, IActorRef ReplyTo);

/// <summary>Parser to supervisor: the document's links (empty, with <see cref="Error"/>, when parsing failed).</summary>
public sealed record LinksFound(Url Page, int Depth, IReadOnlyList<ExtractedLink> Links, string? Error = null);
