using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crawler.Host.Configuration.Hocon;

/// <summary>Writes a resolved tree as HOCON (optionally with a <c># origin</c> comment above each value) or as JSON.</summary>
public static partial class HoconRenderer
{
    private const int IndentWidth = 2;

    public static string ToHocon(HoconObject root, bool withOrigins = false)
    {
        ArgumentNullException.ThrowIfNull(root);
        var output = new StringBuilder();
        WriteFields(output, root, 0, withOrigins);
        return output.ToString();
    }

    public static string ToJson(HoconValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteJson(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Every leaf as <c>"a.b.c": { "value": ..., "origin": "file:line" }</c>: flat, so a script can look one key up
    /// without walking the tree.
    /// </summary>
    public static string ToJsonWithOrigins(HoconObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (path, leaf) in Leaves(root, HoconPath.Root))
            {
                writer.WritePropertyName(path.ToString());
                writer.WriteStartObject();
                writer.WritePropertyName("value");
                WriteJson(writer, leaf);
                writer.WriteString("origin", leaf.Origin.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Every value that is not an object, depth first, with its path. Lists count as leaves.</summary>
    public static IEnumerable<(HoconPath Path, HoconValue Value)> Leaves(HoconObject obj, HoconPath path)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(path);
        foreach (var (key, value) in obj.Fields)
        {
            if (value is HoconObject child && child.Count > 0)
            {
                foreach (var leaf in Leaves(child, path.Append(key)))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path.Append(key), value);
            }
        }
    }

    /// <summary>A JSON string literal, which is also a HOCON quoted string.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static void WriteFields(StringBuilder output, HoconObject obj, int depth, bool withOrigins)
    {
        var indent = new string(' ', depth * IndentWidth);
        foreach (var (key, value) in obj.Fields)
        {
            var renderedKey = HoconPath.RenderKey(key);
            if (value is HoconObject child && child.Count > 0)
            {
                output.Append(indent).Append(renderedKey).Append(" {\n");
                WriteFields(output, child, depth + 1, withOrigins);
                output.Append(indent).Append("}\n");
                continue;
            }

            if (withOrigins)
            {
                output.Append(indent).Append("# ").Append(value.Origin).Append('\n');
            }

            output.Append(indent).Append(renderedKey).Append(" = ");
            WriteValue(output, value, depth);
            output.Append('\n');
        }
    }

    private static void WriteValue(StringBuilder output, HoconValue value, int depth)
    {
        switch (value)
        {
            case HoconObject:
                output.Append("{}");
                break;
            case HoconArray array:
                output.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(", ");
                    }

                    if (array.Items[i] is HoconObject item && item.Count > 0)
                    {
                        output.Append("{\n");
                        WriteFields(output, item, depth + 2, withOrigins: false);
                        output.Append(new string(' ', (depth + 1) * IndentWidth)).Append('}');
                    }
                    else
                    {
                        WriteValue(output, array.Items[i], depth + 1);
                    }
                }

                output.Append(']');
                break;
            case HoconString s:
                output.Append(!s.Quoted && SafeUnquoted().IsMatch(s.Value) && !LooksLikeOtherType(s.Value) ? s.Value : Quote(s.Value));
                break;
            default:
                output.Append(value.ScalarText);
                break;
        }
    }

    private static bool LooksLikeOtherType(string text)
        => text is "true" or "false" or "null" or "include" || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static void WriteJson(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj.Fields)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, child);
                }

                writer.WriteEndObject();
                break;
            case HoconArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case HoconNumber n:
                writer.WriteRawValue(n.Raw);
                break;
            case HoconBoolean b:
                writer.WriteBooleanValue(b.Value);
                break;
            case HoconNull:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(value.ScalarText);
                break;
        }
    }

    [GeneratedRegex(@"^(?!.*//)[A-Za-z0-9_][A-Za-z0-9_.\-/]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeUnquoted();
}
