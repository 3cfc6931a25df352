using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// The duration and size formats of HOCON.md: a number, optional whitespace, a unit. Without a unit a duration is
/// milliseconds and a size is bytes. Units are case-sensitive because <c>m</c> (minutes) and <c>M</c> (mega) differ.
/// </summary>
public static partial class HoconUnits
{
    private const double NanosPerTick = 100;

    private static readonly Dictionary<string, double> DurationNanos = Build(
        (1, ["ns", "nano", "nanos", "nanosecond", "nanoseconds"]),
        (1e3, ["us", "micro", "micros", "microsecond", "microseconds"]),
        (1e6, ["ms", "milli", "millis", "millisecond", "milliseconds"]),
        (1e9, ["s", "second", "seconds"]),
        (60e9, ["m", "minute", "minutes"]),
        (3600e9, ["h", "hour", "hours"]),
        (86400e9, ["d", "day", "days"]));

    private static readonly Dictionary<string, double> SizeBytes = Build(
        (1, ["B", "b", "byte", "bytes"]),
        (1e3, ["kB", "kilobyte", "kilobytes"]),
        (1e6, ["MB", "megabyte", "megabytes"]),
        (1e9, ["GB", "gigabyte", "gigabytes"]),
        (1e12, ["TB", "terabyte", "terabytes"]),
        (1L << 10, ["K", "k", "Ki", "KiB", "kibibyte", "kibibytes"]),
        (1L << 20, ["M", "m", "Mi", "MiB", "mebibyte", "mebibytes"]),
        (1L << 30, ["G", "g", "Gi", "GiB", "gibibyte", "gibibytes"]),
        (1L << 40, ["T", "t", "Ti", "TiB", "tebibyte", "tebibytes"]));

    /// <param name="requireUnit">True to refuse a bare number (used when guessing whether any string is a duration).</param>
    public static bool TryParseDuration(string text, bool requireUnit, out TimeSpan value)
    {
        value = default;
        if (!TrySplit(text, out var number, out var unit) || (requireUnit && unit.Length == 0))
        {
            return false;
        }

        double nanos;
        if (unit.Length == 0)
        {
            nanos = 1e6;
        }
        else if (!DurationNanos.TryGetValue(unit, out nanos))
        {
            return false;
        }

        var ticks = number * nanos / NanosPerTick;
        if (double.IsNaN(ticks) || Math.Abs(ticks) >= TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    public static bool TryParseBytes(string text, bool requireUnit, out long value)
    {
        value = default;
        if (!TrySplit(text, out var number, out var unit) || (requireUnit && unit.Length == 0))
        {
            return false;
        }

        double multiplier = 1;
        if (unit.Length > 0 && !SizeBytes.TryGetValue(unit, out multiplier))
        {
            return false;
        }

        var bytes = Math.Floor(number * multiplier);
        if (double.IsNaN(bytes) || bytes < 0 || bytes >= long.MaxValue)
        {
            return false;
        }

        value = (long)bytes;
        return true;
    }

    private static bool TrySplit(string text, out double number, out string unit)
    {
        number = 0;
        unit = string.Empty;
        var match = UnitPattern().Match(text);
        if (!match.Success
            || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }

        unit = match.Groups["unit"].Value;
        return true;
    }

    private static Dictionary<string, double> Build(params (double Factor, string[] Names)[] groups)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (factor, names) in groups)
        {
            foreach (var name in names)
            {
                map[name] = factor;
            }
        }

        return map;
    }

    [GeneratedRegex(@"^\s*(?<number>[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?)\s*(?<unit>[A-Za-z]*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();
}
