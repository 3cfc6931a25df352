using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Crawler.Host.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary>
/// The HOCON path and .NET type of every bindable property, read by reflection from the settings classes. The loader
/// uses it to convert values by type (so <c>500</c> for a TimeSpan means 500 ms, as HOCON says, not 500 days) and to
/// refuse unknown keys; a test uses it to keep reference.conf and the classes in step.
/// </summary>
public sealed class SettingsSchema
{
    private SettingsSchema(IReadOnlyDictionary<string, Type> leaves)
    {
        Leaves = leaves;
    }

    public static SettingsSchema Crawler { get; } = For(typeof(CrawlerSettings), CrawlerSettings.SectionName);

    /// <summary>Dotted HOCON path (<c>crawler.http.max-redirects</c>) to property type, for every leaf property.</summary>
    public IReadOnlyDictionary<string, Type> Leaves { get; }

    public static SettingsSchema For(Type settingsType, string rootPath)
    {
        ArgumentNullException.ThrowIfNull(settingsType);
        var leaves = new Dictionary<string, Type>(StringComparer.Ordinal);
        Walk(settingsType, rootPath, leaves);
        return new SettingsSchema(leaves);
    }

    /// <summary>
    /// A copy of <paramref name="tree"/> where known booleans and numbers (sizes included) are typed values, for JSON
    /// output: <c>on</c> becomes <c>true</c>, <c>64k</c> becomes <c>65536</c>. Durations stay as written.
    /// </summary>
    public HoconObject Normalize(HoconObject tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return NormalizeObject(tree, tree, HoconPath.Root);
    }

    private HoconObject NormalizeObject(HoconObject root, HoconObject obj, HoconPath path)
    {
        var copy = new HoconObject(obj.Origin);
        foreach (var (key, value) in obj.Fields)
        {
            var childPath = path.Append(key);
            var dotted = string.Join('.', childPath.Segments);
            copy.Set(key, value switch
            {
                HoconObject child => NormalizeObject(root, child, childPath),
                HoconNull => value,
                _ when Leaves.TryGetValue(dotted, out var type) && type == typeof(bool)
                    => new HoconBoolean(root.GetBoolean(dotted), value.Origin),
                _ when Leaves.TryGetValue(dotted, out var type) && (type == typeof(int) || type == typeof(long))
                    => new HoconNumber(HoconFlattener.Flatten(Single(dotted, value), this)[string.Join(':', childPath.Segments)]!, value.Origin),
                _ => value,
            });
        }

        return copy;
    }

    private static HoconObject Single(string dotted, HoconValue value)
    {
        var path = HoconPath.Parse(dotted);
        var leaf = value;
        for (var i = path.Length - 1; i >= 0; i--)
        {
            var wrapper = new HoconObject(value.Origin);
            wrapper.Set(path.Segments[i], leaf);
            leaf = wrapper;
        }

        return (HoconObject)leaf;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The settings classes live in the Host assembly, which Crawler.Host.csproj roots (TrimmerRootAssembly), so the native AOT binary keeps every property read here.")]
    private static void Walk(Type type, string path, Dictionary<string, Type> leaves)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null)
            {
                continue;
            }

            var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var childPath = $"{path}.{key}";
            if (IsSettingsClass(property.PropertyType))
            {
                Walk(property.PropertyType, childPath, leaves);
            }
            else
            {
                leaves[childPath] = property.PropertyType;
            }
        }
    }

    private static bool IsSettingsClass(Type type)
        => type.IsClass && type != typeof(string) && !type.IsArray && type.Namespace == typeof(CrawlerSettings).Namespace;
}
