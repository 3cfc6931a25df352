using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Client;

/// <summary>Clients and requests for tests: caching off unless asked, short timeouts where a test needs them.</summary>
internal static class ClientFactory
{
    public static CrawlerClient Create(ClientOptions? options = null, TimeProvider? time = null) =>
        new((options ?? new ClientOptions()) with { Cache = options?.Cache }, time);

    public static FetchRequest Get(string url) => new(Url.Parse(url));

    public static async Task<string> ReadBodyAsync(FetchResponse response)
    {
        using var reader = new StreamReader(response.Body);
        return await reader.ReadToEndAsync();
    }

    public static async Task<string> GetStringAsync(this CrawlerClient client, string url)
    {
        await using var response = await client.SendAsync(Get(url));
        return await ReadBodyAsync(response);
    }
}
