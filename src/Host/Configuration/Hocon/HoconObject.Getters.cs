using System.Globalization;

namespace Crawler.Host.Configuration.Hocon;

// Typed getters over a resolved tree. Each failure names the path, the value found and where it was written.
public sealed partial class HoconObject
{
    /// <summary>The value at a path such as <c>crawler.http.max-redirects</c>, or null when absent.</summary>
    public HoconValue? GetValue(string path) => GetValue(HoconPath.Parse(path));

    public HoconValue? GetValue(HoconPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        HoconValue current = this;
        foreach (var segment in path.Segments)
        {
            if (current is not HoconObject obj || !obj.TryGetField(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    public bool HasPath(string path) => GetValue(path) is not null and not HoconNull;

    public string GetString(string path)
    {
        var value = Require(path);
        return value.ScalarText is { } text && value is not HoconNull
            ? text
            : throw WrongType(path, value, "a string");
    }

    public bool GetBoolean(string path)
    {
        var value = Require(path);
        if (value is HoconBoolean b)
        {
            return b.Value;
        }

        return value is HoconString s && TryParseBoolean(s.Value, out var parsed)
            ? parsed
            : throw WrongType(path, value, "a boolean (true/false, on/off, yes/no)");
    }

    public long GetInt64(string path)
    {
        var value = Require(path);
        if (value is HoconNumber n && n.TryGetInt64(out var number))
        {
            return number;
        }

        return value is HoconString s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)
            ? number
            : throw WrongType(path, value, "a whole number");
    }

    public int GetInt32(string path)
    {
        var number = GetInt64(path);
        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw WrongType(path, Require(path), $"a whole number from {int.MinValue} to {int.MaxValue}");
    }

    public double GetDouble(string path)
    {
        var value = Require(path);
        return double.TryParse(value.ScalarText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && value is HoconNumber or HoconString
            ? number
            : throw WrongType(path, value, "a number");
    }

    /// <summary>A duration such as <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>5 minutes</c>; a bare number is milliseconds.</summary>
    public TimeSpan GetDuration(string path)
    {
        var value = Require(path);
        return value is HoconNumber or HoconString && HoconUnits.TryParseDuration(value.ScalarText!, requireUnit: false, out var duration)
            ? duration
            : throw WrongType(path, value, "a duration such as 500ms, 10s, 2m, 1h, 2d or '5 minutes'");
    }

    /// <summary>A size such as <c>512k</c>, <c>10MiB</c>, <c>1G</c>, <c>10 megabytes</c>; a bare number is bytes.</summary>
    public long GetBytes(string path)
    {
        var value = Require(path);
        return value is HoconNumber or HoconString && HoconUnits.TryParseBytes(value.ScalarText!, requireUnit: false, out var bytes)
            ? bytes
            : throw WrongType(path, value, "a size such as 512k, 10MiB, 1G or '10 megabytes'");
    }

    public HoconObject GetObject(string path)
    {
        var value = Require(path);
        return value as HoconObject ?? throw WrongType(path, value, "an object");
    }

    public IReadOnlyList<string> GetStringList(string path)
    {
        var value = Require(path);
        if (value is not HoconArray array)
        {
            throw WrongType(path, value, "a list");
        }

        return [.. array.Items.Select(item => item.ScalarText ?? throw WrongType(path, item, "a list of strings"))];
    }

    /// <summary>HOCON.md: getBoolean accepts true/false, yes/no and on/off.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "yes" or "on":
                value = true;
                return true;
            case "false" or "no" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private HoconValue Require(string path)
    {
        var value = GetValue(path);
        if (value is null)
        {
            throw new HoconException(Origin, $"no setting at path '{path}'");
        }

        return value.Type == HoconValueType.Unresolved
            ? throw new HoconException(value.Origin, $"'{path}' is not resolved yet; call HoconResolver first")
            : value;
    }

    private static HoconException WrongType(string path, HoconValue value, string expected)
        => new(value.Origin, $"'{path}' is {Describe(value)}; expected {expected}");

    private static string Describe(HoconValue value) => value switch
    {
        HoconObject => "an object",
        HoconArray => "a list",
        HoconNull => "null",
        _ => $"'{value.ScalarText}'",
    };
}
