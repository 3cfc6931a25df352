using Crawler.Host.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary>
/// A HOCON file, text or already-resolved tree as a <see cref="IConfigurationSource"/>. Add it with
/// <see cref="HoconConfigurationExtensions"/>.
/// </summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>Produces the unresolved or resolved tree; called on every (re)load.</summary>
    public required Func<HoconObject> Load { get; init; }

    /// <summary>Variables for <c>${NAME}</c> fallbacks; the process environment when null.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>When set, keys it knows are converted by property type; see <see cref="HoconFlattener"/>.</summary>
    public SettingsSchema? Schema { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
