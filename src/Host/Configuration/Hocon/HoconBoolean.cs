namespace Crawler.Host.Configuration.Hocon;

public sealed class HoconBoolean(bool value, HoconOrigin origin) : HoconValue(origin)
{
    public bool Value { get; } = value;

    public override HoconValueType Type => HoconValueType.Boolean;

    public override string ScalarText => Value ? "true" : "false";
}
