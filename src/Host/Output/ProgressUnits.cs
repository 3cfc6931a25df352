using System.Globalization;

namespace Crawler.Host.Output;

/// <summary>Human byte counts and durations for the crawl and warm reports.</summary>
internal static class ProgressUnits
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };

    public static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds < 1
        ? elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"
        : elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
