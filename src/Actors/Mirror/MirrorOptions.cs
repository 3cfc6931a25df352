using System.Globalization;

namespace Crawler.Actors.Mirror;

/// <summary>File-name limits of the mirror (crawler.crawl.mirror.* in reference.conf).</summary>
public sealed record MirrorOptions
{
    public static MirrorOptions Default { get; } = new();

    /// <summary>
    /// Longest file or directory name written, in UTF-8 bytes, before any "~N" collision suffix; longer names are cut
    /// and get a hash suffix. Between <see cref="MirrorLimits.MinSegmentBytes"/> and 255 less the longest "~N".
    /// </summary>
    public int MaxNameBytes { get; init; } = MirrorLimits.DefaultMaxSegmentBytes;

    /// <summary>Largest N tried in a "~N" suffix before a URL whose name is taken fails; at least 1.</summary>
    public int MaxCollisionSuffix { get; init; } = MirrorLimits.DefaultMaxCollisionSuffix;

    /// <summary>Largest <see cref="MaxNameBytes"/> that, with the longest "~N" suffix added, stays within 255 bytes.</summary>
    public static int MaxNameBytesLimit(int maxCollisionSuffix)
        => MirrorLimits.FileSystemNameBytes - 1 - Math.Max(1, maxCollisionSuffix).ToString(CultureInfo.InvariantCulture).Length;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the limit a value breaks; returns this.</summary>
    public MirrorOptions Validate()
    {
        if (MaxCollisionSuffix < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCollisionSuffix), MaxCollisionSuffix, "the collision suffix cap must be at least 1");
        }

        var upper = MaxNameBytesLimit(MaxCollisionSuffix);
        if (MaxNameBytes < MirrorLimits.MinSegmentBytes || MaxNameBytes > upper)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNameBytes), MaxNameBytes,
                $"a mirror file name must allow {MirrorLimits.MinSegmentBytes} to {upper} bytes: shortened names need " +
                $"{MirrorLimits.MinSegmentBytes} for \"~hash.ext\", and with a \"~{MaxCollisionSuffix}\" suffix a name must stay within {MirrorLimits.FileSystemNameBytes}");
        }

        return this;
    }
}
