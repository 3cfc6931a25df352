using System.Globalization;
using Crawler.Host.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary>
/// Turns a resolved HOCON tree into <see cref="IConfiguration"/> keys (<c>crawler:http:max-redirects</c>, lists as
/// <c>key:0</c>, <c>key:1</c>) with values in the forms <see cref="ConfigurationBinder"/> understands.
/// </summary>
/// <remarks>
/// With a schema, each known key is converted by its property type through the HOCON getters, so a wrong value
/// fails with the file and line. Without one, strings that are unambiguously a duration (<c>10s</c>, <c>5 minutes</c>;
/// <c>m</c> means minutes) become <c>TimeSpan</c> text, sizes with a unit (<c>64k</c>, <c>1GiB</c>) become byte counts,
/// and <c>on/off/yes/no</c> become <c>true/false</c>.
/// </remarks>
public static class HoconFlattener
{
    public static Dictionary<string, string?> Flatten(HoconObject root, SettingsSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Walk(root, root, HoconPath.Root, data, schema);
        return data;
    }

    private static void Walk(HoconObject root, HoconValue value, HoconPath path, Dictionary<string, string?> data, SettingsSchema? schema)
    {
        switch (value)
        {
            case HoconObject obj:
                foreach (var (name, child) in obj.Fields)
                {
                    Walk(root, child, path.Append(name), data, schema);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Walk(root, array.Items[i], path.Append(i.ToString(CultureInfo.InvariantCulture)), data, schema);
                }

                break;
            default:
                var key = string.Join(ConfigurationPath.KeyDelimiter, path.Segments);
                var dotted = string.Join('.', path.Segments);
                data[key] = schema is not null && schema.Leaves.TryGetValue(dotted, out var type)
                    ? ConvertByType(root, dotted, value, type)
                    : ConvertByShape(value);
                break;
        }
    }

    private static string? ConvertByType(HoconObject root, string path, HoconValue value, Type type)
    {
        if (value is HoconNull)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(TimeSpan))
        {
            return root.GetDuration(path).ToString("c", CultureInfo.InvariantCulture);
        }

        if (target == typeof(bool))
        {
            return root.GetBoolean(path) ? "true" : "false";
        }

        if (target == typeof(int) || target == typeof(long))
        {
            var number = value is HoconNumber n && n.TryGetInt64(out var whole) ? whole : root.GetBytes(path);
            if (target == typeof(int) && number is < int.MinValue or > int.MaxValue)
            {
                throw new HoconException(value.Origin, $"'{path}' is {number}; expected at most {int.MaxValue}");
            }

            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (target == typeof(double))
        {
            return root.GetDouble(path).ToString("R", CultureInfo.InvariantCulture);
        }

        return target == typeof(string) ? root.GetString(path) : value.ScalarText;
    }

    private static string? ConvertByShape(HoconValue value)
    {
        if (value is HoconNull)
        {
            return null;
        }

        if (value is not HoconString s)
        {
            return value.ScalarText;
        }

        if (HoconUnits.TryParseDuration(s.Value, requireUnit: true, out var duration))
        {
            return duration.ToString("c", CultureInfo.InvariantCulture);
        }

        if (HoconUnits.TryParseBytes(s.Value, requireUnit: true, out var bytes))
        {
            return bytes.ToString(CultureInfo.InvariantCulture);
        }

        return HoconObject.TryParseBoolean(s.Value, out var flag) ? (flag ? "true" : "false") : s.Value;
    }
}
