namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// A self-referential substitution (<c>path = ${path} ":/x"</c>) bound to the value the key had before this
/// assignment. <see cref="Prior"/> is null when there was none: optional ones then vanish, required ones fail.
/// </summary>
/// <param name="SubPath">The rest of the substitution path below the key, for <c>a = ${a.b}</c>.</param>
internal sealed class HoconPriorReference(HoconValue? prior, HoconPath subPath, HoconSubstitution substitution) : HoconValue(substitution.Origin)
{
    public HoconValue? Prior { get; } = prior;

    public HoconPath SubPath { get; } = subPath;

    public HoconSubstitution Substitution { get; } = substitution;

    public override HoconValueType Type => HoconValueType.Unresolved;
}
