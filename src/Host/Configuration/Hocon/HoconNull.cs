namespace Crawler.Host.Configuration.Hocon;

public sealed class HoconNull(HoconOrigin origin) : HoconValue(origin)
{
    public override HoconValueType Type => HoconValueType.Null;

    public override string ScalarText => "null";
}
