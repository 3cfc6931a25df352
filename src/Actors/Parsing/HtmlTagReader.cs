using System.Runtime.InteropServices;

namespace Crawler.Actors.Parsing;

/// <summary>
/// <see cref="HtmlTagScanner"/> one start tag at a time, for readers that look at each tag once (the link
/// extractor): the attributes of the current tag live in one reused list, so a page costs no allocation per tag.
/// What <see cref="Attributes"/> returns is valid until the next <see cref="Read"/>.
/// </summary>
public sealed class HtmlTagReader(ReadOnlyMemory<char> source)
{
    private readonly List<HtmlAttributeSpan> _attributes = [];
    private int _position;

    /// <summary>The current tag's lower-case name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Where the tag's '&lt;' is.</summary>
    public int Start { get; private set; } = -1;

    /// <summary>Just past the tag's '&gt;' (or the end of the document).</summary>
    public int End { get; private set; } = -1;

    /// <summary>For raw-text elements (style, script, textarea...), where their text starts; else -1.</summary>
    public int RawTextStart { get; private set; } = -1;

    public int RawTextLength { get; private set; }

    /// <summary>The current tag's attributes (first of each name only), valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<HtmlAttributeSpan> Attributes => CollectionsMarshal.AsSpan(_attributes);

    /// <summary>Moves to the next start tag; false at the end of the document.</summary>
    public bool Read()
    {
        var found = HtmlTagScanner.ReadNextStartTag(source, ref _position, _attributes, out var name, out var start, out var end,
            out var rawStart, out var rawLength);
        Name = name;
        Start = start;
        End = end;
        RawTextStart = rawStart;
        RawTextLength = rawLength;
        return found;
    }

    /// <summary>The raw value of the current tag's first attribute called <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var attribute in _attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.RawValue;
            }
        }

        return null;
    }
}
