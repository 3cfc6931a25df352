namespace Crawler.Actors.Fetching;

/// <summary>Why a URL ended without a usable response; travels inside <see cref="FetchError"/>.</summary>
public enum FetchFailureKind
{
    /// <summary>The server answered with an error status (4xx, 5xx) after the retry budget.</summary>
    HttpStatus,
    InvalidUrl,
    Network,
    Timeout,
    Protocol,
    Content,
    Redirect,
    LocalFile,
    /// <summary>The host's circuit breaker is open: too many recent failures, the request was not sent.</summary>
    CircuitOpen,
    /// <summary>Writing the body to the mirror failed (disk full, unsafe path).</summary>
    Storage,
    /// <summary>The fetcher holding the URL crashed more often than the crash budget allows.</summary>
    Crashed,
    /// <summary>The crawl was stopped (Ctrl+C) before the request could finish.</summary>
    Cancelled,
}
