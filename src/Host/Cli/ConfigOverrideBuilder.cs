using System.CommandLine;
using Crawler.Host.Configuration;

namespace Crawler.Host.Cli;

/// <summary>
/// Collects a command's flags as the top configuration layer, but only the flags actually typed, so an option's
/// default never hides a value from a file or the environment:
/// <code>
/// var flags = new ConfigOverrideBuilder(context.ParseResult)
///     .Add(_depth, "crawler.crawl.depth")
///     .Add(_delay, "crawler.crawl.delay")
///     .Build();
/// var settings = context.LoadConfiguration(flags).Settings;
/// </code>
/// </summary>
public sealed class ConfigOverrideBuilder(ParseResult parseResult)
{
    private readonly List<ConfigOverride> _overrides = [];

    /// <param name="path">The HOCON path the flag sets, e.g. <c>crawler.crawl.depth</c>.</param>
    /// <param name="convert">Maps the option's value first, e.g. a <c>--no-cache</c> switch to <c>false</c>; called only with a value that is not null.</param>
    public ConfigOverrideBuilder Add<T>(Option<T> option, string path, Func<T, object>? convert = null)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.GetResult(option) is { Implicit: false } && parseResult.GetValue(option) is { } value)
        {
            _overrides.Add(new ConfigOverride(path, convert is null ? value : convert(value), option.Name));
        }

        return this;
    }

    public IReadOnlyList<ConfigOverride> Build() => [.. _overrides];
}
