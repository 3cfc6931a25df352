using System.Text;
using Crawler.Protocol.Connections;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Tests.Client;
using Crawler.TestSupport;
using Crawler.TestSupport.Loopback;

namespace Crawler.Protocol.Tests.Http1;

/// <summary>The client against a scripted raw server: framing, malformed and truncated responses, resets and stalls.</summary>
public sealed class LoopbackFramingTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);

    public static TheoryData<BodyFraming, int> FramingsAndSizes()
    {
        var data = new TheoryData<BodyFraming, int>();
        foreach (var framing in Enum.GetValues<BodyFraming>())
        {
            foreach (var size in new[] { 0, 1, 100, 70_000 })
            {
                if (framing == BodyFraming.BytePerChunk && size > 100)
                {
                    continue;
                }

                data.Add(framing, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FramingsAndSizes))]
    public async Task Get_EachFraming_ReadsBodyAndReusesConnectionUnlessClosed(BodyFraming framing, int size)
    {
        var body = Enumerable.Range(0, size).Select(i => (byte)('a' + (i % 26))).ToArray();
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();

        var serverTask = Task.Run(async () =>
        {
            // Read-to-close bodies need a connection per response; every other framing keeps one.
            var connection = await server.AcceptConnectionAsync();
            for (var i = 0; i < 2; i++)
            {
                if (i > 0 && framing == BodyFraming.ConnectionClose)
                {
                    connection = await server.AcceptConnectionAsync();
                }

                await connection.ReadRequestHeadAsync();
                await connection.WriteResponseAsync(200, null, body, framing);
            }

            await connection.DisposeAsync();
        });

        await using (var first = await client.SendAsync(ClientFactory.Get(server.Url("/one"))))
        {
            using var copy = new MemoryStream();
            await first.Body.CopyToAsync(copy);
            Assert.Equal(body, copy.ToArray());
        }

        var second = await client.GetStringAsync(server.Url("/two"));
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(Encoding.ASCII.GetString(body), second);
        Assert.Equal(framing == BodyFraming.ConnectionClose ? 2 : 1, client.ConnectionsOpened);
    }

    [Fact]
    public async Task Get_ChunkedWithExtensionsAndTrailers_ReadsBody()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = ServeRawAsync(server, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip-not, chunked\r\n\r\n".Replace("gzip-not, ", "", StringComparison.Ordinal)
            + "4;a=b;c\r\nWiki\r\n5;x=\"q;q\"\r\npedia\r\n0;last\r\nExpires: never\r\nX-Sum: 1\r\n\r\n");

        var text = await client.GetStringAsync(server.Url());
        await serverTask;

        Assert.Equal("Wikipedia", text);
    }

    [Fact]
    public async Task Get_BareLfLineEndings_Accepted()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = ServeRawAsync(server, "HTTP/1.1 200 OK\nContent-Type: text/plain\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n");

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url()));
        var text = await ClientFactory.ReadBodyAsync(response);
        await serverTask;

        Assert.Equal("abc", text);
        Assert.Equal("text/plain", response.ContentType);
    }

    [Fact]
    public async Task Get_BothContentLengthAndChunked_ReadsChunkedAndDoesNotReuseConnection()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            await connection.SendRawAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
            Assert.True(await connection.WaitForClientCloseAsync());
        });

        var first = await client.GetStringAsync(server.Url("/a"));
        var secondServer = server.HandleRequestAsync(body: "second");
        var second = await client.GetStringAsync(server.Url("/b"));
        await Task.WhenAll(serverTask, secondServer).WaitAsync(TestTimeouts.Default);

        Assert.Equal("abc", first);
        Assert.Equal("second", second);
        Assert.Equal(2, server.AcceptedConnections);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", "after 3 of 10 body bytes")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "3 bytes of a chunk outstanding, after 2 body bytes")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n", "in a chunk-size line, after 2 body bytes")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n", "in the trailers")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Le", "of the response head")]
    public async Task Get_TruncatedResponse_ThrowsPrematureEofNamingBytes(string raw, string expected)
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            await connection.SendRawAsync(raw);
            await connection.CloseAsync();
        });

        var e = await Assert.ThrowsAsync<HttpProtocolException>(async () =>
        {
            await using var response = await client.SendAsync(ClientFactory.Get(server.Url()));
            await ClientFactory.ReadBodyAsync(response);
        });
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(HttpProtocolError.PrematureEof, e.Error);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ResetMidBody_ThrowsNetworkException()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var sentHead = new TaskCompletionSource();
        var serverTask = Task.Run(async () =>
        {
            var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            await connection.SendRawAsync("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial");
            await sentHead.Task;
            await connection.ResetAsync();
        });

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url()));
        var buffer = new byte[7];
        await response.Body.ReadExactlyAsync(buffer);
        sentHead.SetResult();
        var e = await Assert.ThrowsAsync<NetworkException>(() => ClientFactory.ReadBodyAsync(response));
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(FetchErrorKind.Network, e.Kind);
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionReset, e.SocketError);
        Assert.Contains($"127.0.0.1:{server.Port}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ServerNeverAnswers_FirstByteTimeoutFires()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create(new ClientOptions { FirstByteTimeout = ShortTimeout });
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            await connection.WaitForClientCloseAsync();
        });

        var e = await Assert.ThrowsAsync<FetchTimeoutException>(() => client.SendAsync(ClientFactory.Get(server.Url())));
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(FetchTimeout.FirstByte, e.Timeout);
        Assert.Equal(ShortTimeout, e.Value);
        Assert.Equal(FetchErrorKind.Timeout, e.Kind);
        Assert.Contains("FirstByte timeout of 300 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ServerStallsMidBody_IdleTimeoutFires()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create(new ClientOptions { IdleTimeout = ShortTimeout });
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            await connection.SendRawAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
            await connection.WaitForClientCloseAsync();
        });

        var e = await Assert.ThrowsAsync<FetchTimeoutException>(async () =>
        {
            await using var response = await client.SendAsync(ClientFactory.Get(server.Url()));
            await ClientFactory.ReadBodyAsync(response);
        });
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(FetchTimeout.Idle, e.Timeout);
        Assert.Contains("Idle timeout of 300 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TotalTimeoutShorterThanIdle_TotalFires()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create(new ClientOptions { TotalTimeout = ShortTimeout });
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            await connection.SendRawAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
            await connection.WaitForClientCloseAsync();
        });

        var e = await Assert.ThrowsAsync<FetchTimeoutException>(async () =>
        {
            await using var response = await client.SendAsync(ClientFactory.Get(server.Url()));
            await ClientFactory.ReadBodyAsync(response);
        });
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(FetchTimeout.Total, e.Timeout);
    }

    [Fact]
    public async Task Get_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        using var cts = new CancellationTokenSource();
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            await cts.CancelAsync();
            await connection.WaitForClientCloseAsync();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(ClientFactory.Get(server.Url()), cts.Token));
        await serverTask.WaitAsync(TestTimeouts.Default);
    }

    [Fact]
    public async Task Get_100ContinueBeforeFinal_SkipsInterimResponse()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = ServeRawAsync(server, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url()));
        var text = await ClientFactory.ReadBodyAsync(response);
        await serverTask;

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("ok", text);
        Assert.Null(response.Headers["Link"]);
    }

    [Fact]
    public async Task Get_HugeHeader_ThrowsHeadersTooLarge()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create(new ClientOptions { MaxResponseHeaderBytes = 8 * 1024 });
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            await connection.ReadRequestHeadAsync();
            try
            {
                await connection.SendRawAsync("HTTP/1.1 200 OK\r\nX-Huge: " + new string('h', 100_000) + "\r\n\r\n");
            }
            catch (IOException)
            {
                // The client hung up mid-header, as it should.
            }
        });

        var e = await Assert.ThrowsAsync<HttpProtocolException>(() => client.SendAsync(ClientFactory.Get(server.Url())));
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(HttpProtocolError.HeadersTooLarge, e.Error);
        Assert.Contains("exceed 8192 bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Length: abc", HttpProtocolError.InvalidContentLength)]
    [InlineData("Content-Length: -1", HttpProtocolError.InvalidContentLength)]
    [InlineData("Content-Length: 1 2", HttpProtocolError.InvalidContentLength)]
    [InlineData("Content-Length: ", HttpProtocolError.InvalidContentLength)]
    [InlineData("Content-Length: 99999999999999999999", HttpProtocolError.InvalidContentLength)]
    [InlineData("Content-Length: 2\r\nContent-Length: 3", HttpProtocolError.ConflictingContentLength)]
    [InlineData("Content-Length: 2, 3", HttpProtocolError.ConflictingContentLength)]
    public async Task Get_InvalidOrConflictingContentLength_Throws(string header, HttpProtocolError error)
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = ServeRawAsync(server, $"HTTP/1.1 200 OK\r\n{header}\r\n\r\nok");

        var e = await Assert.ThrowsAsync<HttpProtocolException>(() => client.SendAsync(ClientFactory.Get(server.Url())));
        await serverTask;

        Assert.Equal(error, e.Error);
    }

    [Theory]
    [InlineData("Content-Length: 2\r\nContent-Length: 2")]
    [InlineData("Content-Length: 2, 2")]
    public async Task Get_RepeatedIdenticalContentLength_Accepted(string header)
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = ServeRawAsync(server, $"HTTP/1.1 200 OK\r\n{header}\r\n\r\nok");

        Assert.Equal("ok", await client.GetStringAsync(server.Url()));
        await serverTask;
    }

    [Theory]
    [InlineData("X-Bad", "a\r\nInjected: 1")]
    [InlineData("X-Bad", "a\nb")]
    [InlineData("X-Bad", "a\0b")]
    [InlineData("X-Bad\r\nInjected", "1")]
    [InlineData("Bad Name", "1")]
    [InlineData("", "1")]
    public async Task Send_HeaderWithCrLfOrNul_RefusedBeforeConnecting(string name, string value)
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var request = ClientFactory.Get(server.Url()) with { Headers = [new(name, value)] };

        var e = await Assert.ThrowsAsync<HttpProtocolException>(() => client.SendAsync(request));

        Assert.Equal(HttpProtocolError.InvalidRequestHeader, e.Error);
        Assert.Contains("nothing was sent", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.ConnectionsOpened);
    }

    [Fact]
    public async Task Send_Request_CarriesHostUserAgentAcceptEncodingAndExtraHeaders()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create(new ClientOptions { UserAgent = "test-agent/1" });
        var serverTask = server.HandleRequestAsync(body: "x");
        var request = ClientFactory.Get(server.Url("/path/to?q=1&r=2")) with { Headers = [new("X-Extra", "yes"), new("Accept", "text/html")] };

        await using (var response = await client.SendAsync(request))
        {
            await ClientFactory.ReadBodyAsync(response);
        }

        var head = await serverTask.WaitAsync(TestTimeouts.Default);
        Assert.Equal("GET", head.Method);
        Assert.Equal("/path/to?q=1&r=2", head.Target);
        Assert.Equal("HTTP/1.1", head.Version);
        Assert.Equal($"127.0.0.1:{server.Port}", head["Host"]);
        Assert.Equal("test-agent/1", head["User-Agent"]);
        Assert.Equal("gzip, deflate, br", head["Accept-Encoding"]);
        Assert.Equal("yes", head["x-extra"]);
        Assert.Equal(1, head.Count("Host"));
    }

    [Fact]
    public async Task Send_ReusedConnectionClosedByServer_RetriesOnceOnFreshConnection()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = Task.Run(async () =>
        {
            await using (var first = await server.AcceptConnectionAsync())
            {
                await first.ReadRequestHeadAsync();
                await first.WriteResponseAsync(200, null, "one"u8.ToArray());

                // The keep-alive connection dies as the client reuses it: the request arrives, no answer, FIN.
                await first.ReadRequestHeadAsync();
                await first.CloseAsync();
            }

            await using var second = await server.AcceptConnectionAsync();
            await second.ReadRequestHeadAsync();
            await second.WriteResponseAsync(200, null, "two"u8.ToArray());
        });

        var one = await client.GetStringAsync(server.Url());
        var two = await client.GetStringAsync(server.Url());
        await serverTask.WaitAsync(TestTimeouts.Default);

        Assert.Equal(("one", "two"), (one, two));
        Assert.Equal(2, server.AcceptedConnections);
    }

    [Fact]
    public async Task Head_WithContentLength_HasNoBodyAndKeepsConnection()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = Task.Run(async () =>
        {
            await using var connection = await server.AcceptConnectionAsync();
            var head = await connection.ReadRequestHeadAsync();
            Assert.Equal("HEAD", head.Method);
            await connection.SendRawAsync("HTTP/1.1 200 OK\r\nContent-Length: 12345\r\n\r\n");
            await connection.ReadRequestHeadAsync();
            await connection.WriteResponseAsync(204);
        });

        await using (var response = await client.SendAsync(ClientFactory.Get(server.Url()) with { Method = "HEAD" }))
        {
            Assert.Equal("12345", response.Headers["Content-Length"]);
            Assert.Equal("", await ClientFactory.ReadBodyAsync(response));
        }

        await using (var second = await client.SendAsync(ClientFactory.Get(server.Url())))
        {
            Assert.Equal(204, second.StatusCode);
        }

        await serverTask.WaitAsync(TestTimeouts.Default);
        Assert.Equal(1, server.AcceptedConnections);
    }

    [Fact]
    public async Task Get_Http10WithoutKeepAlive_ReadsToCloseAndDoesNotReuse()
    {
        await using var server = LoopbackServer.Create();
        await using var client = ClientFactory.Create();
        var serverTask = ServeRawAsync(server, "HTTP/1.0 200 OK\r\n\r\nold server", close: true);

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url()));
        Assert.Equal("old server", await ClientFactory.ReadBodyAsync(response));
        await serverTask;

        Assert.Equal("HTTP/1.0", response.Version);
    }

    [Fact]
    public async Task Get_IPv6Loopback_Works()
    {
        await using var server = LoopbackServer.Create(ipv6: true);
        await using var client = ClientFactory.Create();
        var serverTask = server.HandleRequestAsync(body: "six", framing: BodyFraming.Chunked);

        Assert.Equal("six", await client.GetStringAsync(server.Url()));
        var head = await serverTask.WaitAsync(TestTimeouts.Default);
        Assert.Equal($"[::1]:{server.Port}", head["Host"]);
    }

    private static Task ServeRawAsync(LoopbackServer server, string raw, bool close = false) => Task.Run(async () =>
    {
        await using var connection = await server.AcceptConnectionAsync();
        await connection.ReadRequestHeadAsync();
        await connection.SendRawAsync(raw);
        if (close)
        {
            await connection.CloseAsync();
        }
    }).WaitAsync(TestTimeouts.Default);
}
