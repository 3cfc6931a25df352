using Crawler.Host.Configuration.Hocon;

namespace Crawler.Host.Tests.Configuration;

internal static class HoconTestHelper
{
    public static HoconObject Resolve(string text, IReadOnlyDictionary<string, string>? environment = null, string? baseDirectory = null)
        => HoconResolver.Resolve(HoconParser.Parse(text, "test.conf", baseDirectory), environment ?? new Dictionary<string, string>());

    public static string Json(string text, IReadOnlyDictionary<string, string>? environment = null)
        => Compact(HoconRenderer.ToJson(Resolve(text, environment)));

    public static string Compact(string json)
        => System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement);
}
