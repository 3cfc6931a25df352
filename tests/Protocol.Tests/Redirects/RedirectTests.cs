using Crawler.Protocol.Redirects;
using Crawler.Protocol.Tests.Client;
using Crawler.Protocol.Urls;
using Crawler.TestSupport.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Protocol.Tests.Redirects;

public sealed class RedirectTests
{
    private static Task<KestrelServer> StartAsync(string? otherOrigin = null) => KestrelServer.StartAsync(app =>
    {
        app.MapGet("/to/{code:int}", (int code, HttpContext context) =>
        {
            context.Response.StatusCode = code;
            context.Response.Headers.Location = "/final";
        });
        app.MapGet("/location", (string value, HttpContext context) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = value;
        });
        app.MapGet("/dir/sub/page", (HttpContext context) =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = "../other?x=1";
        });
        app.MapGet("/dir/other", (HttpContext context) => Results.Text("other " + context.Request.QueryString.Value));
        app.MapGet("/final", (HttpContext context) => Results.Text($"final {context.Request.Method} auth={context.Request.Headers.Authorization} cookie={context.Request.Headers.Cookie}"));
        app.MapGet("/loop/a", (HttpContext context) => Results.Redirect("/loop/b"));
        app.MapGet("/loop/b", (HttpContext context) => Results.Redirect("/loop/a"));
        app.MapGet("/chain/{n:int}", (int n) => n == 0 ? Results.Text("end") : Results.Redirect($"/chain/{n - 1}"));
        app.MapGet("/away", (HttpContext context) => Results.Redirect(otherOrigin + "/final"));
        app.MapGet("/no-location", (HttpContext context) => context.Response.StatusCode = 302);
    });

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Get_EachRedirectStatus_FollowedAndChainRecorded(int status)
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url($"/to/{status}")));

        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("final GET", await ClientFactory.ReadBodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(server.Url("/final"), response.Url.ToString());
        Assert.Equal([server.Url($"/to/{status}")], response.RedirectChain.Select(u => u.ToString()));
    }

    [Fact]
    public async Task Get_RelativeLocationWithDotSegments_ResolvedAgainstRequestUrl()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        Assert.Equal("other ?x=1", await client.GetStringAsync(server.Url("/dir/sub/page")));
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("scheme-relative")]
    [InlineData("absolute-path")]
    [InlineData("relative")]
    public async Task Get_EachLocationForm_ResolvesToFinal(string form)
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();
        var location = form switch
        {
            "absolute" => server.Url("/final"),
            "scheme-relative" => server.Url("/final")["http:".Length..],
            "absolute-path" => "/final",
            _ => "final",
        };

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url("/location?value=" + Uri.EscapeDataString(location))));

        Assert.Equal(server.Url("/final"), response.Url.ToString());
    }

    [Fact]
    public async Task Get_RedirectLoop_ThrowsNamingTheChain()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create(new ClientOptions { MaxRedirects = 5 });

        var e = await Assert.ThrowsAsync<RedirectException>(() => client.SendAsync(ClientFactory.Get(server.Url("/loop/a"))));

        Assert.Equal(RedirectError.TooManyRedirects, e.Error);
        Assert.Equal(FetchErrorKind.Redirect, e.Kind);
        Assert.Equal(6, e.Chain.Count);
        Assert.Contains("redirect loop", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{server.Url("/loop/a")} -> {server.Url("/loop/b")}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(4, 3, false)]
    public async Task Get_ChainAtPerRequestLimit_FollowedOnlyUpToLimit(int hops, int limit, bool succeeds)
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();
        var request = ClientFactory.Get(server.Url($"/chain/{hops}")) with { MaxRedirects = limit };

        if (succeeds)
        {
            await using var response = await client.SendAsync(request);
            Assert.Equal(hops, response.RedirectChain.Count);
        }
        else
        {
            var e = await Assert.ThrowsAsync<RedirectException>(() => client.SendAsync(request));
            Assert.Contains("too many redirects: more than 3", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("data:text/plain,hi", "data")]
    public async Task Get_RedirectToLocalScheme_Refused(string location, string scheme)
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        var e = await Assert.ThrowsAsync<RedirectException>(() => client.SendAsync(ClientFactory.Get(server.Url("/location?value=" + Uri.EscapeDataString(location)))));

        Assert.Equal(RedirectError.RefusedScheme, e.Error);
        Assert.Contains($"scheme '{scheme}' is not http or https", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FollowRedirectsOff_Returns3xx()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url("/to/301")) with { FollowRedirects = false });

        Assert.Equal(301, response.StatusCode);
        Assert.Equal("/final", response.Headers["Location"]);
    }

    [Fact]
    public async Task Get_RedirectWithoutLocation_ReturnedAsIs()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        await using var response = await client.SendAsync(ClientFactory.Get(server.Url("/no-location")));

        Assert.Equal(302, response.StatusCode);
    }

    [Fact]
    public async Task Get_RedirectsOnSameOrigin_ReuseOneConnection()
    {
        await using var server = await StartAsync();
        await using var client = ClientFactory.Create();

        Assert.Equal("end", await client.GetStringAsync(server.Url("/chain/5")));

        Assert.Equal(1, server.ConnectionCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_CredentialsKeptOnSameOriginDroppedAcrossOrigins(bool crossOrigin)
    {
        await using var other = await StartAsync();
        await using var server = await StartAsync(other.BaseUrl);
        await using var client = ClientFactory.Create();
        var request = ClientFactory.Get(server.Url(crossOrigin ? "/away" : "/to/302")) with
        {
            Headers = [new("Authorization", "Bearer secret"), new("Cookie", "session=1")],
        };

        var text = await ClientFactory.ReadBodyAsync(await client.SendAsync(request));

        Assert.Equal(crossOrigin ? "final GET auth= cookie=" : "final GET auth=Bearer secret cookie=session=1", text);
    }

    [Theory]
    [InlineData(303, "HEAD", "HEAD")]
    [InlineData(303, "GET", "GET")]
    [InlineData(307, "HEAD", "HEAD")]
    [InlineData(301, "GET", "GET")]
    public void NextMethod_ByStatus_FollowsRfc9110(int status, string method, string expected) =>
        Assert.Equal(expected, RedirectPolicy.NextMethod(status, method));

    [Fact]
    public void NextHeaders_CrossOrigin_DropsAuthorizationAndCookieOnly()
    {
        IReadOnlyList<KeyValuePair<string, string>> headers = [new("authorization", "x"), new("Cookie", "y"), new("Accept", "z")];

        var next = RedirectPolicy.NextHeaders(headers, Url.Parse("http://a.test/"), Url.Parse("https://a.test/"));

        Assert.Equal(["Accept"], next.Select(h => h.Key));
    }
}
