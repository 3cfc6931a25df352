using Crawler.TestSupport.Time;
using Crawler.Actors.Fetching;
using Crawler.Protocol;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;
using Polly.CircuitBreaker;
using Crawler.TestSupport;

namespace Crawler.Actors.Tests.Fetching;

public sealed class FetchResilienceTests
{
    private static readonly Url Target = Url.Parse("http://127.0.0.1:9/page");

    [Theory]
    [InlineData(0, 0.0, 50)]
    [InlineData(0, 0.5, 100)]
    [InlineData(1, 0.5, 200)]
    [InlineData(2, 0.0, 200)]
    [InlineData(3, 0.0, 400)]
    [InlineData(3, 0.999, 1000)]
    [InlineData(20, 0.5, 1000)]
    public void ComputeDelay_Attempt_ExponentialWithJitterCappedAtMax(int attempt, double random, int expectedMs)
    {
        var resilience = new FetchResilience(
            new FetchResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) },
            random: () => random);

        var delay = resilience.ComputeDelay(attempt, retryAfter: null);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 0);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(600, 30)]
    public void ComputeDelay_RetryAfterGiven_UsesItClampedToMax(int retryAfterSeconds, int expectedSeconds)
    {
        var resilience = new FetchResilience(new FetchResilienceOptions { MaxDelay = TimeSpan.FromSeconds(30) });

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), resilience.ComputeDelay(0, TimeSpan.FromSeconds(retryAfterSeconds)));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(599, true)]
    [InlineData(429, true)]
    [InlineData(404, false)]
    [InlineData(200, false)]
    [InlineData(304, false)]
    [InlineData(600, false)]
    public void IsTransientStatus_Status_MatchesPolicy(int status, bool expected)
        => Assert.Equal(expected, FetchResilience.IsTransientStatus(status));

    [Theory]
    [InlineData(FetchErrorKind.Network, true)]
    [InlineData(FetchErrorKind.Timeout, true)]
    [InlineData(FetchErrorKind.Protocol, false)]
    [InlineData(FetchErrorKind.InvalidUrl, false)]
    [InlineData(FetchErrorKind.Content, false)]
    [InlineData(FetchErrorKind.Redirect, false)]
    public void IsTransient_FetchExceptionKind_OnlyNetworkAndTimeout(FetchErrorKind kind, bool expected)
        => Assert.Equal(expected, FetchResilience.IsTransient(new TestFetchException(kind)));

    [Fact]
    public async Task Pipeline_ServerErrorThenOk_RetriesAndDisposesTheFailedResponseExactlyOnce()
    {
        var resilience = NoDelay(retries: 3);
        var releases = 0;
        var first = new FetchResponse(Target, 500, "", new HttpHeaders(), new MemoryStream([1]), () =>
        {
            releases++;
            return ValueTask.CompletedTask;
        });
        var responses = new Queue<FetchResponse>([first, Response(200)]);
        var attempts = 0;

        var result = await resilience.For("a").ExecuteAsync(_ =>
        {
            attempts++;
            return ValueTask.FromResult(responses.Dequeue());
        });

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, attempts);
        Assert.False(first.Body.CanRead);
        Assert.Equal(1, releases);
    }

    [Fact]
    public async Task Pipeline_NotFound_IsNotRetried()
    {
        var attempts = 0;

        var result = await NoDelay(retries: 3).For("a").ExecuteAsync(_ =>
        {
            attempts++;
            return ValueTask.FromResult(Response(404));
        });

        Assert.Equal(404, result.StatusCode);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Pipeline_AlwaysServerError_ReturnsLastResponseAfterBudget()
    {
        var attempts = 0;

        var result = await NoDelay(retries: 3).For("a").ExecuteAsync(_ =>
        {
            attempts++;
            return ValueTask.FromResult(Response(503));
        });

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(4, attempts);
    }

    [Theory]
    [InlineData(FetchErrorKind.Network, 3)]
    [InlineData(FetchErrorKind.Timeout, 3)]
    [InlineData(FetchErrorKind.Protocol, 1)]
    public async Task Pipeline_Exception_RetriedOnlyWhenTransient(FetchErrorKind kind, int expectedAttempts)
    {
        var attempts = 0;

        await Assert.ThrowsAsync<TestFetchException>(async () => await NoDelay(retries: 2).For("a").ExecuteAsync<FetchResponse>(_ =>
        {
            attempts++;
            throw new TestFetchException(kind);
        }));

        Assert.Equal(expectedAttempts, attempts);
    }

    [Fact]
    public async Task Pipeline_TooManyRequestsWithRetryAfter_WaitsExactlyThatLong()
    {
        var time = new FakeTimeProvider();
        var resilience = new FetchResilience(
            new FetchResilienceOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), UseCircuitBreaker = false },
            time);
        var limited = Response(429);
        limited.Headers.Add("Retry-After", "7");
        var responses = new Queue<FetchResponse>([limited, Response(200)]);

        var pending = resilience.For("a").ExecuteAsync(_ => ValueTask.FromResult(responses.Dequeue())).AsTask();
        await Eventually.TrueAsync(() => time.ActiveTimers > 0);

        time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(200, (await pending.WaitAsync(TestSupport.TestTimeouts.Default)).StatusCode);
    }

    [Fact]
    public async Task Pipeline_HostKeepsFailing_BreakerOpensForThatHostOnly()
    {
        var resilience = new FetchResilience(new FetchResilienceOptions
        {
            MaxRetryAttempts = 0,
            BreakerMinimumThroughput = 2,
            BreakerFailureRatio = 0.5,
        });
        for (var i = 0; i < 2; i++)
        {
            await resilience.For("down").ExecuteAsync(_ => ValueTask.FromResult(Response(500)));
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(async () =>
            await resilience.For("down").ExecuteAsync(_ => ValueTask.FromResult(Response(200))));
        Assert.Equal(200, (await resilience.For("up").ExecuteAsync(_ => ValueTask.FromResult(Response(200)))).StatusCode);
        Assert.Equal(FetchFailureKind.CircuitOpen, FetchError.FromException(new BrokenCircuitException()).Kind);
    }

    private static FetchResilience NoDelay(int retries)
        => new(new FetchResilienceOptions { MaxRetryAttempts = retries, BaseDelay = TimeSpan.Zero, UseCircuitBreaker = false });

    private static FetchResponse Response(int status) => new(Target, status, "", new HttpHeaders(), new MemoryStream([1, 2, 3]));
}
