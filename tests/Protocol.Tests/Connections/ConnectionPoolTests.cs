using System.Net;
using System.Net.Sockets;
using Crawler.Protocol.Connections;
using Crawler.Protocol.Tests.Client;
using Crawler.TestSupport.Loopback;
using Crawler.TestSupport.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Protocol.Tests.Connections;

public sealed class ConnectionPoolTests
{
    [Theory]
    [InlineData(49, 1)]
    [InlineData(51, 2)]
    public async Task Get_AfterPooledIdleTimeout_OpensFreshConnection(int idleSeconds, int connections)
    {
        await using var server = await KestrelServer.StartAsync(app => app.MapGet("/", () => Results.Text("ok")), compression: false);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var client = new CrawlerClient(new ClientOptions { Cache = null, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50) }, time);

        await client.GetStringAsync(server.Url("/"));
        time.Advance(TimeSpan.FromSeconds(idleSeconds));
        await client.GetStringAsync(server.Url("/"));

        Assert.Equal(connections, client.ConnectionsOpened);
    }

    [Fact]
    public async Task Get_ListenerBacklogFull_ConnectTimeoutFires()
    {
        // A listener that never accepts, with its accept queue filled: the kernel drops further SYNs, so the
        // next connect hangs until our timeout ends it.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        using var fill = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 8; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            fillers.Add(socket);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), fill.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            await using var client = ClientFactory.Create(new ClientOptions { ConnectTimeout = TimeSpan.FromMilliseconds(200) });

            var e = await Assert.ThrowsAsync<FetchTimeoutException>(() => client.SendAsync(ClientFactory.Get($"http://127.0.0.1:{port}/")));

            Assert.Equal(FetchTimeout.Connect, e.Timeout);
            Assert.Contains($"Connect timeout of 200 ms elapsed (127.0.0.1:{port})", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            fillers.ForEach(s => s.Dispose());
        }
    }
}
