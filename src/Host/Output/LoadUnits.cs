using System.Globalization;

namespace Crawler.Host.Output;

/// <summary>wrk-style human units for load reports: 1.23ms, 12.05MB. Invariant culture everywhere.</summary>
internal static class LoadUnits
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Duration(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => string.Create(Invariant, $"{nanoseconds:0}ns"),
        < 1_000_000 => string.Create(Invariant, $"{nanoseconds / 1_000:0.00}us"),
        < 1_000_000_000 => string.Create(Invariant, $"{nanoseconds / 1_000_000:0.00}ms"),
        < 60_000_000_000 => string.Create(Invariant, $"{nanoseconds / 1_000_000_000:0.00}s"),
        _ => string.Create(Invariant, $"{nanoseconds / 60_000_000_000:0.00}m"),
    };

    public static string Bytes(double bytes) => bytes switch
    {
        < 1024 => string.Create(Invariant, $"{bytes:0}B"),
        < 1024 * 1024 => string.Create(Invariant, $"{bytes / 1024:0.00}KB"),
        < 1024L * 1024 * 1024 => string.Create(Invariant, $"{bytes / (1024 * 1024):0.00}MB"),
        _ => string.Create(Invariant, $"{bytes / (1024L * 1024 * 1024):0.00}GB"),
    };

    public static string Percent(double percentile)
        => string.Create(Invariant, $"{percentile:0.###}%");

    public static string Number(double value, string format = "0.00") => value.ToString(format, Invariant);
}
