using Crawler.Protocol;

namespace Crawler.Host.Output;

/// <summary>
/// The process exit codes of <c>crawler</c>. Scripts branch on these, so they are part of the public contract:
/// never renumber one, only add.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The transfer worked but the server said no: 4xx/5xx for <c>get</c>, a broken requisite for <c>warm</c>.</summary>
    public const int HttpFailure = 1;

    /// <summary>Bad command line: unknown option, missing argument, unusable URL.</summary>
    public const int Usage = 2;

    /// <summary>DNS, connect, reset, TLS handshake.</summary>
    public const int Network = 3;

    /// <summary>Malformed response, a limit exceeded, undecodable body, redirect loop.</summary>
    public const int Protocol = 4;

    public const int Timeout = 5;

    /// <summary>A local file could not be read or written, or the configuration is invalid.</summary>
    public const int LocalError = 6;

    /// <summary>A bug: an exception nobody expected. 70 is EX_SOFTWARE from sysexits.h.</summary>
    public const int InternalError = 70;

    /// <summary>Ctrl+C / SIGINT, by the shell convention 128 + signal 2.</summary>
    public const int Interrupted = 130;

    /// <summary>The table printed in the root <c>--help</c> and copied into the README.</summary>
    public const string Description =
        """
        Exit codes:
          0    success
          1    HTTP failure (4xx/5xx for get; a broken requisite for warm)
          2    usage error (bad option, argument or URL)
          3    network error (DNS, connect, reset, TLS)
          4    protocol error (malformed response, limits, decoding, redirect loop)
          5    timeout
          6    local I/O or configuration error
          70   internal error (a bug; please report it)
          130  interrupted (Ctrl+C)
        """;

    public static int FromFetchErrorKind(FetchErrorKind kind) => kind switch
    {
        FetchErrorKind.InvalidUrl => Usage,
        FetchErrorKind.Network => Network,
        FetchErrorKind.Timeout => Timeout,
        FetchErrorKind.Protocol or FetchErrorKind.Content or FetchErrorKind.Redirect => Protocol,
        FetchErrorKind.LocalFile => LocalError,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown fetch error kind"),
    };
}
