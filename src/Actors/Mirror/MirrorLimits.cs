namespace Crawler.Actors.Mirror;

/// <summary>Limits of the offline mirror's file names. The two a user may change are defaults of <see cref="MirrorOptions"/>.</summary>
public static class MirrorLimits
{
    /// <summary>
    /// Default of <see cref="MirrorOptions.MaxNameBytes"/> (crawler.crawl.mirror.max-name-bytes): the longest file or
    /// directory name we write, in UTF-8 bytes. Most file systems stop at 255 bytes per name; 200 leaves room for a
    /// collision suffix ("~12") and for encrypted or overlay file systems that spend some of the 255 themselves.
    /// </summary>
    public const int DefaultMaxSegmentBytes = 200;

    /// <summary>Longest name common file systems (ext4, XFS, APFS, NTFS in UTF-16 units) accept, in bytes.</summary>
    public const int FileSystemNameBytes = 255;

    /// <summary>Hex digits of the SHA-256 suffix that keeps shortened names distinct (64 bits: collisions need ~4e9 long names).</summary>
    public const int HashSuffixHexDigits = 16;

    /// <summary>Extensions longer than this are not kept when a name is shortened: they are not real extensions.</summary>
    public const int MaxKeptExtensionBytes = 16;

    /// <summary>
    /// Smallest <see cref="MirrorOptions.MaxNameBytes"/> the shortening scheme fits in: a shortened name is
    /// "stem~hash.ext", and "~", the hash and the longest kept extension must fit even when nothing of the stem does.
    /// </summary>
    public const int MinSegmentBytes = 1 + HashSuffixHexDigits + MaxKeptExtensionBytes;

    /// <summary>
    /// Default of <see cref="MirrorOptions.MaxCollisionSuffix"/> (crawler.crawl.mirror.max-collision-suffix): how many
    /// "~N" suffixes the layout tries for one name before giving up; a site would need this many URLs that differ only
    /// in case or in file-versus-directory use of one name, which means something is wrong (or, without host
    /// directories, this many spanned hosts with one path in common: the rest fail, none is overwritten).
    /// </summary>
    public const int DefaultMaxCollisionSuffix = 1000;
}
