using Crawler.Protocol.Urls;

namespace Crawler.Actors.Mirror;

/// <summary>
/// Writes fetched bodies into the mirror: streamed (never buffered whole) into a temporary file in the target's
/// own directory, then moved over the target, so a reader or a crash never sees half a file and the move stays on
/// one file system. Never writes outside the root: every path goes through <see cref="SafePath.Combine"/>, and a
/// symbolic link met on the way down from the root is refused (a pre-existing link could point anywhere).
/// </summary>
public sealed class MirrorWriter
{
    // Temporary names start with a dot and carry a GUID, so they collide neither with mirrored names nor each other.
    private const string TempPrefix = ".crawler-";
    private const string TempSuffix = ".tmp";

    // Large enough to keep syscalls per body low, small enough to stay out of the large object heap.
    private const int CopyBufferBytes = 64 * 1024;

    private readonly string _root;
    private readonly MirrorLayout _layout;

    public MirrorWriter(string root, MirrorLayout layout)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(layout);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _layout = layout;
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public MirrorLayout Layout => _layout;

    /// <summary>Saves <paramref name="content"/> as the file for <paramref name="url"/>; returns its path relative to the root ('/'-separated).</summary>
    public async Task<string> WriteAsync(Url url, string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = _layout.Assign(url, contentType);
        await WriteToAsync(relative, content, cancellationToken).ConfigureAwait(false);
        return relative;
    }

    /// <summary>Replaces the file at <paramref name="relativePath"/> atomically (the link rewriter's way back in).</summary>
    public async Task WriteToAsync(string relativePath, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var full = SafePath.Combine(_root, relativePath);
        var directory = Path.GetDirectoryName(full)!;
        EnsureDirectoryWithoutLinks(directory);
        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N") + TempSuffix);
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, CopyBufferBytes, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The absolute path of a relative mirror path (checked to be under the root).</summary>
    public string FullPath(string relativePath) => SafePath.Combine(_root, relativePath);

    private void EnsureDirectoryWithoutLinks(string directory)
    {
        var relative = Path.GetRelativePath(_root, directory);
        var current = _root;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar))
        {
            if (segment == ".")
            {
                continue;
            }

            current = Path.Combine(current, segment);
            var info = new DirectoryInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                throw new UnsafePathException(current, $"is a symbolic link to '{info.LinkTarget}'");
            }

            if (!info.Exists)
            {
                info.Create();
            }
        }
    }
}
