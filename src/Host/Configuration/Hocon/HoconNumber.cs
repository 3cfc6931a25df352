using System.Globalization;

namespace Crawler.Host.Configuration.Hocon;

/// <summary>A number, kept as written (so <c>1.0</c> prints as <c>1.0</c>) and parsed on demand.</summary>
public sealed class HoconNumber(string raw, HoconOrigin origin) : HoconValue(origin)
{
    public string Raw { get; } = raw;

    public override HoconValueType Type => HoconValueType.Number;

    public override string ScalarText => Raw;

    public bool TryGetInt64(out long value) => long.TryParse(Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public double ToDouble() => double.Parse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture);
}
