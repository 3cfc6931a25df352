namespace Crawler.Actors.Parsing;

/// <summary>
/// One attribute as written in the source: lower-case name, and ranges in <see cref="Source"/> (the whole document) —
/// [Start, End) covers the whole attribute, [ValueStart, ValueStart+ValueLength) the value without its quotes.
/// ValueStart is -1 for an attribute with no value; Quote is '"', '\'' or '\0' for unquoted.
/// </summary>
public readonly record struct HtmlAttributeSpan(string Name, ReadOnlyMemory<char> Source, int Start, int End, int ValueStart, int ValueLength, char Quote)
{
    /// <summary>The value as written (still entity-encoded); cut from the source only when asked for, as few are.</summary>
    public string RawValue => ValueStart < 0 ? "" : Source.Span.Slice(ValueStart, ValueLength).ToString();
}
