using Crawler.Protocol;
using Polly.CircuitBreaker;

namespace Crawler.Actors.Fetching;

/// <summary>A failed fetch as a value: what went wrong, in words, and the status when the server answered.</summary>
public sealed record FetchError(FetchFailureKind Kind, string Message, int? StatusCode = null)
{
    public static FetchError FromStatus(int statusCode, string reasonPhrase)
        => new(FetchFailureKind.HttpStatus, $"HTTP {statusCode} {reasonPhrase}".TrimEnd(), statusCode);

    /// <summary>Maps an exception caught at the fetcher's IO boundary to a value that may cross actors.</summary>
    public static FetchError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            FetchException fetch => new(Map(fetch.Kind), fetch.Message),
            BrokenCircuitException broken => new(FetchFailureKind.CircuitOpen, broken.Message),
            OperationCanceledException => new(FetchFailureKind.Cancelled, "cancelled before the response completed"),
            IOException io => new(FetchFailureKind.Network, io.Message),
            UnauthorizedAccessException access => new(FetchFailureKind.Storage, access.Message),
            _ => new(FetchFailureKind.Crashed, $"{exception.GetType().Name}: {exception.Message}"),
        };
    }

    public static FetchFailureKind Map(FetchErrorKind kind) => kind switch
    {
        FetchErrorKind.InvalidUrl => FetchFailureKind.InvalidUrl,
        FetchErrorKind.Network => FetchFailureKind.Network,
        FetchErrorKind.Timeout => FetchFailureKind.Timeout,
        FetchErrorKind.Protocol => FetchFailureKind.Protocol,
        FetchErrorKind.Content => FetchFailureKind.Content,
        FetchErrorKind.Redirect => FetchFailureKind.Redirect,
        FetchErrorKind.LocalFile => FetchFailureKind.LocalFile,
        _ => FetchFailureKind.Network,
    };

    public override string ToString() => Message;
}
