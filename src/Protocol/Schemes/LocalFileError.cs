namespace Crawler.Protocol.Schemes;

/// <summary>Why a file: URL could not be read.</summary>
public enum LocalFileError
{
    /// <summary>No such file or directory (a server would say 404).</summary>
    NotFound,
    /// <summary>The file exists but may not be read (403).</summary>
    AccessDenied,
    /// <summary>file://host/... names another machine; only local files are read.</summary>
    RemoteHost,
    /// <summary>Any other I/O failure while opening.</summary>
    IoError,
}
