using Crawler.Protocol.Urls;

namespace Crawler.Actors.Mirror;

/// <summary>
/// Decides, once per URL, where it lives in the mirror, resolving what the stateless <see cref="MirrorPathMapper"/>
/// cannot: two URLs wanting the same name, names differing only in case (one file on Windows and macOS), and a name
/// wanted both as a file and as a directory ("/a" then "/a/b"). Whoever comes second gets "~N" (before the
/// extension: "a~1.html"; directories: "a~1"), the smallest N that is free; first come keeps the plain name. So the
/// outcome depends on fetch order, but it is stable for a given order and never moves a file already written.
/// The one deliberate sharing: a directory URL and its explicit "index.html" map to the same file, as in wget.
/// Every claim is keyed by the full path (case-insensitively), so within one layout two distinct URLs never share a
/// file whatever the mapper gives them, and past <see cref="MirrorOptions.MaxCollisionSuffix"/> the URL fails instead.
/// That is what makes <see cref="HostDirectories"/> off safe: "a.com/x.html" and "b.com/x.html" both want "x.html",
/// and the second gets "x~1.html".
/// Thread-safe: fetchers may write concurrently.
/// </summary>
public sealed class MirrorLayout
{
    private readonly string? _existingRoot;
    private readonly Lock _lock = new();
    private readonly Dictionary<Url, string> _pathByUrl = [];

    // Keyed by the full relative path, case-insensitively, so that case collisions count as collisions everywhere.
    private readonly Dictionary<string, Occupant> _occupants = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="existingRoot">
    /// When writing into a mirror left by an earlier run: names already on disk with the other kind (a directory where
    /// a file is wanted, or the reverse) count as taken, so they get "~N" instead of failing the write. A file where
    /// a file is wanted is simply overwritten: it is most likely the same URL.
    /// </param>
    public MirrorLayout(string? existingRoot = null)
    {
        _existingRoot = existingRoot;
    }

    /// <summary>
    /// true (the default): each host gets its own top-level directory, "host" or "host_port". false: wget's -nH, all
    /// hosts share the root.
    /// </summary>
    public bool HostDirectories { get; init; } = true;

    /// <summary>Name length and collision-suffix caps; validated when set.</summary>
    public MirrorOptions Options
    {
        get;
        init => field = (value ?? throw new ArgumentNullException(nameof(value))).Validate();
    } = MirrorOptions.Default;

    private enum OccupantKind
    {
        File,
        Directory,
    }

    /// <summary>The relative path ('/'-separated) for <paramref name="url"/>; the same URL (after normalisation) always gets the same path.</summary>
    public string Assign(Url url, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = url.Normalize();
        lock (_lock)
        {
            if (_pathByUrl.TryGetValue(key, out var known))
            {
                return known;
            }

            // "/dir/" and "/dir/index.html" are one document on nearly every server, and wget writes both to
            // dir/index.html: share that file instead of saving a second copy as index~1.html. The twin's file may
            // itself be "index~N.html" when another URL had the name first (another host's "/" without host
            // directories): still the same document.
            if (DirectoryIndexTwin(key) is { } twin && _pathByUrl.TryGetValue(twin, out var shared) && IsDirectoryIndexFile(shared))
            {
                _pathByUrl.Add(key, shared);
                return shared;
            }

            var segments = MirrorPathMapper.MapSegments(key, contentType, HostDirectories, Options.MaxNameBytes);
            var prefix = "";
            for (var i = 0; i < segments.Count - 1; i++)
            {
                prefix = Claim(prefix, segments[i], OccupantKind.Directory) + "/";
            }

            var path = Claim(prefix, segments[^1], OccupantKind.File);
            _pathByUrl.Add(key, path);
            return path;
        }
    }

    /// <summary>
    /// Gives <paramref name="url"/> the file an earlier run gave it (crawl --continue), so it keeps its name and no
    /// other URL is given that name. False, and nothing taken, when the path cannot stand beside what this layout
    /// already holds (a file where a directory is, the reverse, or a file another URL has); the URL is then placed
    /// afresh if it is fetched again.
    /// </summary>
    public bool Reserve(Url url, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(relativePath);
        var key = url.Normalize();
        var segments = relativePath.Split('/');
        if (Array.Exists(segments, segment => segment.Length == 0))
        {
            return false;
        }

        lock (_lock)
        {
            if (_pathByUrl.TryGetValue(key, out var known))
            {
                return string.Equals(known, relativePath, StringComparison.Ordinal);
            }

            // "a", "a/b", ... : the directories the file sits in, each free or already a directory spelled the same way.
            var directories = new string[segments.Length - 1];
            for (var i = 0; i < directories.Length; i++)
            {
                directories[i] = i == 0 ? segments[0] : directories[i - 1] + "/" + segments[i];
                if (_occupants.TryGetValue(directories[i], out var directory) && (directory.Kind != OccupantKind.Directory || !string.Equals(directory.Path, directories[i], StringComparison.Ordinal)))
                {
                    return false;
                }
            }

            // The one file two URLs share: a directory and its index.html (see Assign).
            if (_occupants.TryGetValue(relativePath, out var occupant)
                && !(occupant.Kind == OccupantKind.File && DirectoryIndexTwin(key) is { } twin && _pathByUrl.TryGetValue(twin, out var shared) && string.Equals(shared, relativePath, StringComparison.Ordinal)))
            {
                return false;
            }

            foreach (var directory in directories)
            {
                _occupants.TryAdd(directory, new Occupant(directory, OccupantKind.Directory));
            }

            _occupants.TryAdd(relativePath, new Occupant(relativePath, OccupantKind.File));
            _pathByUrl.Add(key, relativePath);
            return true;
        }
    }

    /// <summary>Keeps a name at the root for a file of the crawl's own (its journal): a URL that wants it gets "~N".</summary>
    public void Reserve(string rootFileName)
    {
        ArgumentNullException.ThrowIfNull(rootFileName);
        lock (_lock)
        {
            _occupants.TryAdd(rootFileName, new Occupant(rootFileName, OccupantKind.File));
        }
    }

    /// <summary>Every URL assigned so far (normalised) and its relative path: the map the link rewriter needs.</summary>
    public IReadOnlyDictionary<Url, string> Snapshot()
    {
        lock (_lock)
        {
            return new Dictionary<Url, string>(_pathByUrl);
        }
    }

    private const string DirectoryIndexName = "index.html";

    /// <summary>"/dir/" for "/dir/index.html" and the reverse; null for anything else (a query makes them different resources).</summary>
    private static Url? DirectoryIndexTwin(Url url)
    {
        if (url.Query is not null || !url.IsHttp)
        {
            return null;
        }

        if (url.Path.EndsWith('/'))
        {
            return url.Resolve(DirectoryIndexName);
        }

        return url.Path.EndsWith("/" + DirectoryIndexName, StringComparison.Ordinal) ? url.Resolve("./") : null;
    }

    /// <summary>Whether the file of <paramref name="path"/> is named "index.html", or "index~N.html" as <see cref="Claim"/> suffixes it.</summary>
    private static bool IsDirectoryIndexFile(string path)
    {
        const string Stem = "index";
        const string Extension = ".html";
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        if (name.Length < Stem.Length + Extension.Length || !name.StartsWith(Stem, StringComparison.Ordinal) || !name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var suffix = name[Stem.Length..^Extension.Length];
        return suffix.IsEmpty || (suffix.Length > 1 && suffix[0] == '~' && suffix[1..].IndexOfAnyExceptInRange('0', '9') < 0);
    }

    private string Claim(string prefix, string name, OccupantKind kind)
    {
        for (var n = 0; n <= Options.MaxCollisionSuffix; n++)
        {
            var path = prefix + (n == 0 ? name : WithSuffix(name, n, kind));
            if (!_occupants.TryGetValue(path, out var occupant))
            {
                if (ConflictsOnDisk(path, kind))
                {
                    continue;
                }

                _occupants.Add(path, new Occupant(path, kind));
                return path;
            }

            // A directory is shared by everything under it, but only when spelled the same way.
            if (kind == OccupantKind.Directory && occupant.Kind == OccupantKind.Directory && string.Equals(occupant.Path, path, StringComparison.Ordinal))
            {
                return path;
            }
        }

        throw new UnsafePathException(prefix + name, $"more than {Options.MaxCollisionSuffix} names collide");
    }

    private bool ConflictsOnDisk(string path, OccupantKind kind)
    {
        if (_existingRoot is null)
        {
            return false;
        }

        var full = SafePath.Combine(_existingRoot, path);
        return kind == OccupantKind.File ? Directory.Exists(full) : File.Exists(full);
    }

    private static string WithSuffix(string name, int n, OccupantKind kind)
    {
        var dot = kind == OccupantKind.File ? name.LastIndexOf('.') : -1;
        return dot > 0 ? $"{name[..dot]}~{n}{name[dot..]}" : $"{name}~{n}";
    }

    private readonly record struct Occupant(string Path, OccupantKind Kind);
}
