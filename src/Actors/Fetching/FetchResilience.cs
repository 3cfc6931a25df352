using System.Collections.Concurrent;
using Crawler.Protocol;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Crawler.Actors.Fetching;

/// <summary>
/// Builds one Polly pipeline per host: retry (exponential back-off with jitter, honouring Retry-After) around a
/// per-host circuit breaker. Transient = network and timeout failures, 5xx and 429. A response that is retried is
/// disposed by Polly's retry itself (it disposes discarded IAsyncDisposable results), so its connection goes back
/// to the pool exactly once; disposing it again here would release the pool slot twice.
/// </summary>
public sealed class FetchResilience
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<FetchResponse>> _perHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly FetchResilienceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Func<double> _random;

    public FetchResilience(FetchResilienceOptions? options = null, TimeProvider? timeProvider = null, Func<double>? random = null)
    {
        _options = options ?? new FetchResilienceOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _random = random ?? Random.Shared.NextDouble;
    }

    public FetchResilienceOptions Options => _options;

    /// <summary>The pipeline for <paramref name="host"/> (host[:port]); built once and shared by every fetch to it.</summary>
    public ResiliencePipeline<FetchResponse> For(string host) => _perHost.GetOrAdd(host, static (_, self) => self.Build(), this);

    public static bool IsTransientStatus(int statusCode) => statusCode is 429 or (>= 500 and <= 599);

    public static bool IsTransient(Exception exception)
        => exception is FetchException { Kind: FetchErrorKind.Network or FetchErrorKind.Timeout };

    /// <summary>The wait before retry number <paramref name="attempt"/> (0-based): Retry-After when given, else back-off.</summary>
    public TimeSpan ComputeDelay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked > _options.MaxDelay ? _options.MaxDelay : asked;
        }

        // Exponential with multiplicative jitter in [0.5, 1.5): the median stays at base * 2^attempt while
        // fetchers that failed together spread out instead of hammering the host in lockstep.
        var exponent = Math.Min(attempt, 16);
        var ticks = _options.BaseDelay.Ticks * (double)(1L << exponent) * (0.5 + _random());
        return ticks >= _options.MaxDelay.Ticks ? _options.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private ResiliencePipeline<FetchResponse> Build()
    {
        var shouldHandle = new PredicateBuilder<FetchResponse>()
            .Handle<FetchException>(IsTransient)
            .HandleResult(r => IsTransientStatus(r.StatusCode));

        var builder = new ResiliencePipelineBuilder<FetchResponse> { TimeProvider = _timeProvider };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<FetchResponse>
            {
                ShouldHandle = shouldHandle,
                MaxRetryAttempts = _options.MaxRetryAttempts,
                DelayGenerator = args =>
                {
                    var retryAfter = args.Outcome.Result is { } response
                        ? RetryAfter.Read(response.Headers, _timeProvider.GetUtcNow())
                        : null;
                    return ValueTask.FromResult<TimeSpan?>(ComputeDelay(args.AttemptNumber, retryAfter));
                },
            });
        }

        if (_options.UseCircuitBreaker)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<FetchResponse>
            {
                ShouldHandle = shouldHandle,
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.SamplingDuration,
                BreakDuration = _options.BreakDuration,
            });
        }

        return builder.Build();
    }
}
