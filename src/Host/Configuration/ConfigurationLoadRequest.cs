namespace Crawler.Host.Configuration;

/// <summary>The layers to stack, lowest first: reference.conf, each file, the environment, <c>--set</c>, flags.</summary>
public sealed class ConfigurationLoadRequest
{
    /// <summary>The reference.conf text; the copy embedded in the executable when null.</summary>
    public string? ReferenceText { get; init; }

    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--set PATH=VALUE</c> texts; the value is HOCON, so lists and quoted strings work.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    public IReadOnlyList<ConfigOverride> Overrides { get; init; } = [];
}
