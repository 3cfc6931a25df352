using System.IO.Compression;
using Crawler.Protocol.Decoding;
using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;

namespace Crawler.Protocol.Tests.Client;

public sealed class ContentDecodingTests
{
    private static readonly Lazy<byte[]> Bomb = new(() =>
    {
        // 64 MiB of zeros gzip to ~64 KiB: a ratio near 1000, small on the wire, ruinous if decoded blindly.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        return compressed.ToArray();
    });

    [Theory]
    [InlineData(BodyFraming.ContentLength)]
    [InlineData(BodyFraming.Chunked)]
    public async Task Get_GzipBomb_StoppedByDecodingLimits(BodyFraming framing)
    {
        await using var server = LoopbackServer.Create();
        var limits = new DecodingLimits(MaxDecodedBytes: 4 << 20, MaxExpansionRatio: 100_000, RatioGraceBytes: 1 << 20);
        await using var client = ClientFactory.Create(new ClientOptions { DecodingLimits = limits });
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            try
            {
                await connection.WriteResponseAsync(200, [new("Content-Encoding", "gzip")], Bomb.Value, framing);
            }
            catch (IOException)
            {
                // The client stops reading and closes once the limit trips.
            }
        });

        var e = await Assert.ThrowsAsync<DecodingException>(async () =>
        {
            await using var response = await client.SendAsync(ClientFactory.Get(server.Url()));
            await response.Body.CopyToAsync(Stream.Null);
        });
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(FetchErrorKind.Content, e.Kind);
        Assert.Equal(DecodingError.TooLarge, e.Reason);
        Assert.Contains($"exceeds {4 << 20} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownCoding_ThrowsAndReleasesConnection()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = server.HandleRequestAsync(headers: [new("Content-Encoding", "zstd")], body: "??");

        var e = await Assert.ThrowsAsync<DecodingException>(() => client.SendAsync(ClientFactory.Get(server.Url())));
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(DecodingError.UnknownCoding, e.Reason);
    }
}
