namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// Values written side by side (<c>${a} "/x"</c>, <c>${list} [3]</c>, <c>${defaults} { b = 2 }</c>) whose kind is known
/// only after substitution: strings join (keeping the whitespace parts), arrays append, objects merge.
/// </summary>
internal sealed class HoconConcatenation(IReadOnlyList<HoconValue> parts, HoconOrigin origin) : HoconValue(origin)
{
    /// <summary>The parts in order; whitespace between them is a <see cref="HoconWhitespace"/> part.</summary>
    public IReadOnlyList<HoconValue> Parts { get; } = parts;

    public override HoconValueType Type => HoconValueType.Unresolved;
}
