namespace Crawler.Actors.Parsing;

/// <summary>One image candidate of a srcset: its URL text, where that text sits in the attribute value, and its descriptor (empty when none).</summary>
public readonly record struct SrcsetCandidate(string Url, int Start, string Descriptor);
