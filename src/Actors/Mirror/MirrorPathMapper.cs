using System.Globalization;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Mirror;

/// <summary>
/// Maps a URL to its candidate place in the mirror, stateless: <c>host[_port]/dir/name[@query][.ext]</c>, or
/// <c>dir/name[@query][.ext]</c> without host directories (wget -nH).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Host directory: the lower-case host, then "_port" when the port is not the scheme's default (wget writes
/// "host:port", but ':' is forbidden on Windows). http and https share a directory, as in wget. The host goes
/// through <see cref="SafePath.EncodeComponent"/> with '_' also escaped, so "a_8080" can only mean port 8080;
/// IPv6 literals read like "%3A%3A1". Without host directories the level is left out and every host shares one
/// tree; the same path on two hosts is then a collision like any other, for <see cref="MirrorLayout"/>.</item>
/// <item>Path segments are decoded and re-escaped by <see cref="SafePath"/>; empty segments ("a//b") are dropped.
/// A path ending in '/' gets "index.html".</item>
/// <item>The query follows the name after '@' (wget's Windows form, "page.php@q=1"), itself escaped, so '/' in it
/// cannot make directories. '@' in path segments is always escaped, so the name is collision-free.</item>
/// <item>Like wget -E, ".html" is appended to HTML (text/html, application/xhtml+xml) whose name does not end in
/// .html/.htm/.xhtml/.shtml, and ".css" to text/css not ending in .css — after the query, so "page.php@q=1.html"
/// opens as HTML. Other types keep their names: adding ".png" to a mislabelled image would only add confusion.</item>
/// </list>
/// Two URLs can still map to the same candidate (case, "/a" as file and "/a/b" needing "a" as directory, "/x" as
/// HTML and "/x.html"): <see cref="MirrorLayout"/> resolves those.
/// </remarks>
public static class MirrorPathMapper
{
    public const string DirectoryIndexName = "index.html";

    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml", ".shtml"];

    /// <summary>The candidate relative path, segments joined by '/'; throws <see cref="ArgumentException"/> for URLs other than http(s).</summary>
    /// <param name="hostDirectories">false leaves out the host directory (wget -nH).</param>
    /// <param name="maxNameBytes">Longest name in UTF-8 bytes (<see cref="MirrorOptions.MaxNameBytes"/>); longer ones get a hash suffix.</param>
    public static string Map(Url url, string? contentType, bool hostDirectories = true, int maxNameBytes = MirrorLimits.DefaultMaxSegmentBytes)
        => string.Join('/', MapSegments(url, contentType, hostDirectories, maxNameBytes));

    /// <summary>The candidate path as segments: the host directory (unless <paramref name="hostDirectories"/> is false), directories, then the file name.</summary>
    public static IReadOnlyList<string> MapSegments(Url url, string? contentType, bool hostDirectories = true, int maxNameBytes = MirrorLimits.DefaultMaxSegmentBytes)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsHttp)
        {
            throw new ArgumentException($"only http(s) URLs are mirrored, not '{url}'", nameof(url));
        }

        // The host directory is computed either way: it also refuses a URL without a host.
        var host = HostDirectory(url, maxNameBytes);
        var segments = hostDirectories ? new List<string> { host } : [];
        var parts = url.Path.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i].Length > 0)
            {
                segments.Add(SafePath.FinishName(SafePath.EncodeComponent(parts[i]), maxNameBytes));
            }
        }

        var last = parts[^1];
        var name = last.Length == 0 ? DirectoryIndexName : SafePath.EncodeComponent(last);
        if (url.Query is not null)
        {
            name += "@" + SafePath.EncodeComponent(url.Query);
        }

        segments.Add(SafePath.FinishName(name + ExtensionToAdd(name, contentType), maxNameBytes));
        return segments;
    }

    /// <summary>The host directory name: "host", or "host_port" for a port that is not the scheme's default.</summary>
    public static string HostDirectory(Url url, int maxNameBytes = MirrorLimits.DefaultMaxSegmentBytes)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = SafePath.EncodeComponent(url.Host).Replace("_", "%5F", StringComparison.Ordinal);
        if (host.Length == 0)
        {
            throw new ArgumentException($"URL '{url}' has no host", nameof(url));
        }

        return SafePath.FinishName(url.IsDefaultPort ? host : host + "_" + url.Port.ToString(CultureInfo.InvariantCulture), maxNameBytes);
    }

    private static string ExtensionToAdd(string name, string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim();
        if (string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase) || string.Equals(mediaType, "application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
        {
            return HtmlExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? "" : ".html";
        }

        if (string.Equals(mediaType, "text/css", StringComparison.OrdinalIgnoreCase))
        {
            return name.EndsWith(".css", StringComparison.OrdinalIgnoreCase) ? "" : ".css";
        }

        return "";
    }
}
