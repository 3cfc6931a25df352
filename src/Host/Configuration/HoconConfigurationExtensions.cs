using Crawler.Host.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file; includes are relative to it. A missing file is an error unless <paramref name="optional"/>.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(path);
        return builder.Add(new HoconConfigurationSource
        {
            Load = () => optional && !File.Exists(path) ? new HoconObject(new HoconOrigin(path, 0)) : HoconParser.ParseFile(path),
        });
    }

    /// <summary>Adds HOCON text; <paramref name="sourceName"/> is what errors and origins call it.</summary>
    public static IConfigurationBuilder AddHoconText(this IConfigurationBuilder builder, string text, string sourceName = "(text)")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconConfigurationSource { Load = () => HoconParser.Parse(text, sourceName) });
    }

    /// <summary>Adds a tree the caller already merged (and maybe resolved), converting known keys by <paramref name="schema"/>.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, HoconObject tree, SettingsSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconConfigurationSource { Load = () => tree, Schema = schema });
    }
}
