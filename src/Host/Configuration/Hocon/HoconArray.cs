namespace Crawler.Host.Configuration.Hocon;

public sealed class HoconArray(IReadOnlyList<HoconValue> items, HoconOrigin origin) : HoconValue(origin)
{
    public IReadOnlyList<HoconValue> Items { get; } = items;

    public override HoconValueType Type => HoconValueType.Array;
}
