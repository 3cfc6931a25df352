using System.Text;
using Crawler.Protocol.Schemes;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Tests.Schemes;

public sealed class DataUrlTests
{
    [Theory]
    [InlineData("data:,Hello%2C%20World!", "text/plain;charset=US-ASCII", "Hello, World!")]
    [InlineData("data:text/plain;base64,SGVsbG8sIFdvcmxkIQ==", "text/plain", "Hello, World!")]
    [InlineData("data:text/plain;base64,SGVsbG8sIFdvcmxkIQ", "text/plain", "Hello, World!")]
    [InlineData("data:text/plain;BASE64,SGVs bG8s\nIFdv cmxk IQ==", "text/plain", "Hello, World!")]
    [InlineData("data:text/html,<p>a b</p>", "text/html", "<p>a b</p>")]
    [InlineData("data:text/html;charset=utf-8,caf%C3%A9", "text/html;charset=utf-8", "caf\u00e9")]
    [InlineData("data:;charset=utf-8,x", "text/plain;charset=utf-8", "x")]
    [InlineData("data:;base64,eA==", "text/plain;charset=US-ASCII", "x")]
    [InlineData("data:,", "text/plain;charset=US-ASCII", "")]
    [InlineData("data:,a#frag", "text/plain;charset=US-ASCII", "a")]
    [InlineData("data:,caf\u00e9", "text/plain;charset=US-ASCII", "caf\u00e9")]
    public async Task OpenAsync_DataUrl_DecodesBodyAndMediaType(string text, string mediaType, string body)
    {
        await using var response = await LocalSchemes.OpenAsync(Url.Parse(text));
        var bytes = new MemoryStream();
        await response.Body.CopyToAsync(bytes);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(mediaType, response.ContentType);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers["Content-Length"]);
        Assert.Equal(body, Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public void Decode_BinaryBase64_GivesExactBytes()
    {
        var data = new byte[] { 0, 1, 2, 0xFE, 0xFF };
        var url = Url.Parse("data:application/octet-stream;base64," + Convert.ToBase64String(data));
        Assert.Equal(data, DataUrl.Decode(url).Body);
    }

    [Fact]
    public void Charset_FromParameter()
    {
        Assert.Equal("US-ASCII", DataUrl.Decode(Url.Parse("data:,x")).Charset);
        Assert.Equal("utf-8", DataUrl.Decode(Url.Parse("data:text/html;charset=\"utf-8\",x")).Charset);
        Assert.Null(DataUrl.Decode(Url.Parse("data:image/png;base64,")).Charset);
    }

    [Theory]
    [InlineData("data:;base64,SGk*", "byte 0x2A ('*') at offset 3")]
    [InlineData("data:;base64,S", "cannot encode whole bytes")]
    [InlineData("data:;base64,SGVsb", "cannot encode whole bytes")]
    [InlineData("data:;base64,SG=k", "'=' padding in the middle")]
    [InlineData("data:;base64,SG===", "more than two")]
    [InlineData("data:;base64,%FF", "byte 0xFF")]
    public async Task OpenAsync_BadBase64_ThrowsDataUrlExceptionSayingWhere(string text, string reason)
    {
        var e = await Assert.ThrowsAsync<DataUrlException>(async () => await LocalSchemes.OpenAsync(Url.Parse(text)));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Contains("invalid base64", e.Message, StringComparison.Ordinal);
        Assert.Equal(FetchErrorKind.InvalidUrl, e.Kind);
    }
}
