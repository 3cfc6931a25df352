using System.Buffers;
using System.Collections.Concurrent;
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
    // Temporary names start with a dot and carry the process id and a counter, so they collide neither with mirrored
    // names nor each other, even with two crawls writing one folder (a GUID costs a read of /dev/urandom per file).
    private const string TempPrefix = ".crawler-";
    private const string TempSuffix = ".tmp";

    // Large enough to keep syscalls per body low, small enough to stay out of the large object heap.
    private const int CopyBufferBytes = 64 * 1024;

    private readonly string _root;
    private readonly MirrorLayout _layout;

    // Directories already created or checked to be free of links: a mirror writes thousands of files into a few
    // hundred directories, and walking each path down from the root costs two syscalls a segment.
    private readonly ConcurrentDictionary<string, byte> _checkedDirectories = new(StringComparer.Ordinal);

    private long _tempCounter;

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
        await WriteToAsync(relative, default, content, cancellationToken).ConfigureAwait(false);
        return relative;
    }

    /// <summary>Replaces the file at <paramref name="relativePath"/> atomically (the link rewriter's way back in).</summary>
    public Task WriteToAsync(string relativePath, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteToAsync(relativePath, default, content, cancellationToken);
    }

    /// <summary>
    /// Replaces the file at <paramref name="relativePath"/> atomically with <paramref name="head"/> followed by what
    /// is left of <paramref name="rest"/> (null for nothing); returns the bytes written.
    /// </summary>
    /// <remarks>
    /// The file is written synchronously while the network is read asynchronously: on Linux an "asynchronous" file
    /// write is a blocking write queued to the thread pool, one more thread hop per chunk for no gain on a local disk.
    /// </remarks>
    public async Task<long> WriteToAsync(string relativePath, ReadOnlyMemory<byte> head, Stream? rest, CancellationToken cancellationToken = default)
    {
        var full = SafePath.Combine(_root, relativePath);
        var directory = Path.GetDirectoryName(full)!;
        EnsureDirectoryWithoutLinks(directory);
        var temp = Path.Combine(directory, $"{TempPrefix}{Environment.ProcessId}-{Interlocked.Increment(ref _tempCounter)}{TempSuffix}");
        var buffer = rest is null ? null : ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        try
        {
            long written = head.Length;

            // A handle and positional writes, not a FileStream: no lock (FileShare.None is an flock on Unix, pointless
            // on a name only this writer knows) and no seek, two syscalls a file fewer. CreateNew still refuses to
            // follow or reuse anything already there.
            using (var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                RandomAccess.Write(file, head.Span, 0);
                int read;
                while (rest is not null && (read = await rest.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    RandomAccess.Write(file, buffer.AsSpan(0, read), written);
                    written += read;
                }
            }

            File.Move(temp, full, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The absolute path of a relative mirror path (checked to be under the root).</summary>
    public string FullPath(string relativePath) => SafePath.Combine(_root, relativePath);

    private void EnsureDirectoryWithoutLinks(string directory)
    {
        if (_checkedDirectories.ContainsKey(directory))
        {
            return;
        }

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

        _checkedDirectories.TryAdd(directory, 0);
    }
}
