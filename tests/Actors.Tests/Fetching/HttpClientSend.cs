using Crawler.Protocol;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Tests.Fetching;

// Stand-in for CrawlerClient.SendAsync while the protocol layer is a stub: the same contract (streaming body,
// final URL, headers) over System.Net.Http against the real loopback server.
internal sealed class HttpClientSend : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = true, UseCookies = false });

    public async Task<FetchResponse> SendAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url.ToString());
        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new TestFetchException(FetchErrorKind.Network, e.Message);
        }

        var headers = new HttpHeaders();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            foreach (var value in header.Value)
            {
                headers.Add(header.Key, value);
            }
        }

        var final = Url.Parse(response.RequestMessage!.RequestUri!.ToString());
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new FetchResponse(final, (int)response.StatusCode, response.ReasonPhrase ?? "", headers, body, () =>
        {
            response.Dispose();
            return ValueTask.CompletedTask;
        })
        {
            RedirectChain = final.Equals(request.Url) ? [] : [request.Url],
        };
    }

    public void Dispose() => _client.Dispose();
}
