namespace Crawler.Protocol.Decoding;

/// <summary>Why a body could not be decoded.</summary>
public enum DecodingError
{
    /// <summary>A Content-Encoding token we do not implement (compress, zstd, ...).</summary>
    UnknownCoding,
    /// <summary>The compressed data is malformed.</summary>
    CorruptData,
    /// <summary>More decoded bytes than <see cref="DecodingLimits.MaxDecodedBytes"/>.</summary>
    TooLarge,
    /// <summary>Decoded bytes outgrew <see cref="DecodingLimits.MaxExpansionRatio"/> times the encoded bytes.</summary>
    ExpansionRatio,
    /// <summary>
    /// The body ended (its HTTP framing complete) before the compressed stream did: no end marker, no trailer.
    /// </summary>
    Truncated,
}
