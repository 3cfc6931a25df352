namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// Two or more values set on the same key where at least one is unresolved, so whether they merge (objects)
/// or the last one wins is decided after substitution. Items are oldest first.
/// </summary>
internal sealed class HoconDelayedMerge(IReadOnlyList<HoconValue> items, HoconOrigin origin) : HoconValue(origin)
{
    public IReadOnlyList<HoconValue> Items { get; } = items;

    public override HoconValueType Type => HoconValueType.Unresolved;
}
