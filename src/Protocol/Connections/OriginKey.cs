using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Connections;

/// <summary>What makes two URLs share pooled connections: scheme, host and port.</summary>
internal readonly record struct OriginKey(string Scheme, string Host, int Port)
{
    public static OriginKey From(Url url) => new(url.Scheme, url.Host, url.Port);

    public override string ToString() => $"{Scheme}://{Host}:{Port}";
}
