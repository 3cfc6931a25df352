namespace Crawler.Protocol.Schemes;

/// <summary>A file: URL that could not be read; <see cref="StatusCode"/> is what a server would have answered.</summary>
public sealed class LocalFileException : FetchException
{
    public LocalFileException(LocalFileError reason, string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        Path = path;
    }

    public LocalFileError Reason { get; }

    /// <summary>The local path that was tried (percent-decoded).</summary>
    public string Path { get; }

    public int StatusCode => Reason switch
    {
        LocalFileError.NotFound => 404,
        LocalFileError.AccessDenied => 403,
        LocalFileError.RemoteHost => 400,
        _ => 500,
    };

    public override FetchErrorKind Kind => FetchErrorKind.LocalFile;
}
