namespace Crawler.Protocol.Decoding;

/// <summary>Caps that end a decompression bomb with a typed error instead of an out-of-memory.</summary>
/// <param name="MaxDecodedBytes">Most bytes a decoded body may have.</param>
/// <param name="MaxExpansionRatio">Most decoded bytes per encoded byte, checked once past <paramref name="RatioGraceBytes"/>.</param>
/// <param name="RatioGraceBytes">Decoded bytes allowed before the ratio is enforced (tiny bodies compress absurdly well).</param>
public sealed record DecodingLimits(long MaxDecodedBytes, double MaxExpansionRatio, long RatioGraceBytes)
{
    // 1 GiB: far above any page, below what would exhaust memory if buffered by a careless caller.
    public static readonly DecodingLimits Default = new(1L << 30, 1000, 1 << 20);
}
