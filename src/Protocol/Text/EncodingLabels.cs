using System.Text;

namespace Crawler.Protocol.Text;

/// <summary>
/// Charset labels to encodings the way browsers map them (WHATWG Encoding Standard): ISO-8859-1 and US-ASCII
/// mean windows-1252, "utf-16" means little-endian. Legacy code pages (Shift_JIS, KOI8-R, GBK, ...) come from
/// <see cref="CodePagesEncodingProvider"/>, which ships in the shared framework and is registered once here.
/// </summary>
internal static class EncodingLabels
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    private static readonly Dictionary<string, Func<Encoding>> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utf-8"] = () => Utf8,
        ["utf8"] = () => Utf8,
        ["unicode-1-1-utf-8"] = () => Utf8,
        ["unicode11utf8"] = () => Utf8,
        ["unicode20utf8"] = () => Utf8,
        ["x-unicode20utf8"] = () => Utf8,
        ["utf-16"] = () => Encoding.Unicode,
        ["utf-16le"] = () => Encoding.Unicode,
        ["unicode"] = () => Encoding.Unicode,
        ["ucs-2"] = () => Encoding.Unicode,
        ["csunicode"] = () => Encoding.Unicode,
        ["iso-10646-ucs-2"] = () => Encoding.Unicode,
        ["unicodefeff"] = () => Encoding.Unicode,
        ["utf-16be"] = () => Encoding.BigEndianUnicode,
        ["unicodefffe"] = () => Encoding.BigEndianUnicode,
    };

    // Every WHATWG label of windows-1252.
    private static readonly HashSet<string> Windows1252Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
        "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
    };

    public static Encoding Utf8NoBom => Utf8;

    /// <summary>The encoding for a label (trimmed, case-insensitive), or null when unknown.</summary>
    public static Encoding? Find(string? label)
    {
        if (label is null)
        {
            return null;
        }

        label = label.Trim().Trim('"', '\'').Trim();
        if (label.Length == 0)
        {
            return null;
        }

        if (Known.TryGetValue(label, out var known))
        {
            return known();
        }

        if (Windows1252Labels.Contains(label))
        {
            return Windows1252.Value;
        }

        _ = Windows1252.Value;
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
