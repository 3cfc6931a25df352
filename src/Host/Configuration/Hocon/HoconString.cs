namespace Crawler.Host.Configuration.Hocon;

/// <param name="Quoted">False for unquoted text such as <c>10s</c> or <c>on</c>; kept so a renderer can write it back the same way.</param>
public sealed class HoconString(string value, HoconOrigin origin, bool quoted = true) : HoconValue(origin)
{
    public string Value { get; } = value;

    public bool Quoted { get; } = quoted;

    public override HoconValueType Type => HoconValueType.String;

    public override string ScalarText => Value;
}
