namespace Crawler.Actors.Parsing;

/// <summary>
/// One attribute as written in the source: lower-case name, raw (still entity-encoded) value, and ranges —
/// [Start, End) covers the whole attribute, [ValueStart, ValueStart+ValueLength) the value without its quotes.
/// ValueStart is -1 for an attribute with no value; Quote is '"', '\'' or '\0' for unquoted.
/// </summary>
public readonly record struct HtmlAttributeSpan(string Name, string RawValue, int Start, int End, int ValueStart, int ValueLength, char Quote);
