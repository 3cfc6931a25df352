namespace Crawler.Actors.Mirror;

/// <summary>Limits of the offline mirror's file names.</summary>
public static class MirrorLimits
{
    /// <summary>
    /// Longest file or directory name we write, in UTF-8 bytes. Most file systems stop at 255 bytes per name;
    /// 200 leaves room for a collision suffix ("~12") and for the writer's temporary-file name.
    /// </summary>
    public const int MaxSegmentBytes = 200;

    /// <summary>Hex digits of the SHA-256 suffix that keeps shortened names distinct (64 bits: collisions need ~4e9 long names).</summary>
    public const int HashSuffixHexDigits = 16;

    /// <summary>Extensions longer than this are not kept when a name is shortened: they are not real extensions.</summary>
    public const int MaxKeptExtensionBytes = 16;

    /// <summary>
    /// How many "~N" suffixes the layout tries for one name before giving up; a site would need this many URLs
    /// that differ only in case or in file-versus-directory use of one name, which means something is wrong (or,
    /// without host directories, this many spanned hosts with one path in common: the rest fail, none is overwritten).
    /// </summary>
    public const int MaxCollisionSuffix = 1000;
}
