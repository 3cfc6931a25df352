namespace Crawler.Host.Configuration.Hocon;

/// <summary><c>${path}</c> or <c>${?path}</c>, waiting for <see cref="HoconResolver"/>.</summary>
/// <param name="EnvironmentName">The path as written, looked up in the environment when the tree lacks it.
/// It differs from <paramref name="path"/> once an include has re-rooted the substitution.</param>
internal sealed class HoconSubstitution(HoconPath path, bool optional, string environmentName, HoconOrigin origin) : HoconValue(origin)
{
    public HoconPath Path { get; } = path;

    public bool Optional { get; } = optional;

    public string EnvironmentName { get; } = environmentName;

    public override HoconValueType Type => HoconValueType.Unresolved;

    public override string ToString() => $"${{{(Optional ? "?" : string.Empty)}{EnvironmentName}}}";
}
