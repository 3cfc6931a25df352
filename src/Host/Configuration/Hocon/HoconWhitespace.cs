namespace Crawler.Host.Configuration.Hocon;

/// <summary>Whitespace between two parts of a concatenation: kept between strings, ignored between objects or arrays.</summary>
internal sealed class HoconWhitespace(string text, HoconOrigin origin) : HoconValue(origin)
{
    public string Text { get; } = text;

    public override HoconValueType Type => HoconValueType.Unresolved;
}
