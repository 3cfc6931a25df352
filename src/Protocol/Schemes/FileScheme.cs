using System.Globalization;
using System.Net;
using System.Text;
using Crawler.Protocol.Http1;
using Crawler.Protocol.Urls;

namespace Crawler.Protocol.Schemes;

/// <summary>file: URLs: a file streams as the body, a directory answers with a small HTML listing.</summary>
internal static class FileScheme
{
    // Small: the body is read in the caller's chunks anyway, and thousands of concurrent opens should not pin megabytes.
    private const int FileBufferBytes = 16 * 1024;

    // A directory with a million entries would build a huge page; nobody crawls that via file: on purpose.
    internal const int MaxListingEntries = 10_000;

    public static ValueTask<FetchResponse> OpenAsync(Url url, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = LocalPath(url);
        try
        {
            if (Directory.Exists(path))
            {
                return ValueTask.FromResult(Listing(url, path));
            }

            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var headers = new HttpHeaders();
            headers.Add("Content-Type", MediaTypes.FromPath(path));
            headers.Add("Content-Length", stream.Length.ToString(CultureInfo.InvariantCulture));
            headers.Add("Last-Modified", File.GetLastWriteTimeUtc(path).ToString("R", CultureInfo.InvariantCulture));
            return ValueTask.FromResult(new FetchResponse(url, 200, "OK", headers, stream));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LocalFileException(LocalFileError.NotFound, path, $"file not found: {path}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LocalFileException(LocalFileError.AccessDenied, path, $"access denied: {path}", e);
        }
        catch (IOException e)
        {
            throw new LocalFileException(LocalFileError.IoError, path, $"cannot read {path}: {e.Message}", e);
        }
    }

    /// <summary>The local path a file: URL names (percent-decoded as UTF-8).</summary>
    public static string LocalPath(Url url)
    {
        if (url.Host.Length > 0)
        {
            throw new LocalFileException(LocalFileError.RemoteHost, url.Path, $"file: URL names host '{url.Host}'; only local files can be read ({url})");
        }

        var path = PercentEncoding.DecodeToString(url.Path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new LocalFileException(LocalFileError.NotFound, path.Replace("\0", "%00", StringComparison.Ordinal), "file: path contains a NUL byte");
        }

        // "/C:/x" is a Windows drive path; elsewhere the leading slash is the root.
        if (OperatingSystem.IsWindows() && path.Length >= 3 && path[0] == '/' && char.IsAsciiLetter(path[1]) && path[2] == ':')
        {
            path = path[1..];
        }

        return path;
    }

    private static FetchResponse Listing(Url url, string path)
    {
        var directory = new DirectoryInfo(path);
        var entries = directory.EnumerateFileSystemInfos()
            .Take(MaxListingEntries + 1)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

        // Absolute hrefs, so the links work whether or not the URL ended in '/'.
        var basePath = url.Path.EndsWith('/') ? url.Path : url.Path + "/";
        var title = WebUtility.HtmlEncode(PercentEncoding.DecodeToString(basePath));
        var html = new StringBuilder(256 + (entries.Count * 96));
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Index of ").Append(title).Append("</title></head>\n<body>\n<h1>Index of ")
            .Append(title).Append("</h1>\n<ul>\n");
        if (basePath != "/")
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(ParentOf(basePath))).Append("\">../</a></li>\n");
        }

        foreach (var entry in entries.Take(MaxListingEntries))
        {
            var isDirectory = entry is DirectoryInfo;
            var name = entry.Name + (isDirectory ? "/" : "");
            var href = basePath + Uri.EscapeDataString(entry.Name) + (isDirectory ? "/" : "");
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">").Append(WebUtility.HtmlEncode(name)).Append("</a></li>\n");
        }

        if (entries.Count > MaxListingEntries)
        {
            html.Append("<li>(listing truncated at ").Append(MaxListingEntries).Append(" entries)</li>\n");
        }

        html.Append("</ul>\n</body></html>\n");
        var bytes = Encoding.UTF8.GetBytes(html.ToString());
        var headers = new HttpHeaders();
        headers.Add("Content-Type", "text/html; charset=utf-8");
        headers.Add("Content-Length", bytes.Length.ToString(CultureInfo.InvariantCulture));
        return new FetchResponse(url, 200, "OK", headers, new MemoryStream(bytes, writable: false));
    }

    private static string ParentOf(string directoryPath)
    {
        var trimmed = directoryPath.AsSpan(0, directoryPath.Length - 1);
        return trimmed[..(trimmed.LastIndexOf('/') + 1)].ToString();
    }
}
