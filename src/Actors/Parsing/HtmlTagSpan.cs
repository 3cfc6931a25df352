namespace Crawler.Actors.Parsing;

/// <summary>
/// A start tag as written in the source: lower-case name, attributes (first of each name only, as the HTML parser
/// keeps), and for raw-text elements (style, script, textarea...) the range of their text, else RawTextStart = -1.
/// </summary>
public sealed record HtmlTagSpan(string Name, IReadOnlyList<HtmlAttributeSpan> Attributes, int Start, int End, int RawTextStart, int RawTextLength)
{
    /// <summary>The raw value of the first attribute called <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.RawValue;
            }
        }

        return null;
    }
}
