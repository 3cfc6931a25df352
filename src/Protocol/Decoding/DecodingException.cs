namespace Crawler.Protocol.Decoding;

/// <summary>A body whose Content-Encoding could not be undone: unknown coding, corrupt or cut-off data, or a decompression bomb.</summary>
public sealed class DecodingException : FetchException
{
    public DecodingException(DecodingError reason, string message, long decodedBytes = 0, long encodedBytes = 0, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        DecodedBytes = decodedBytes;
        EncodedBytes = encodedBytes;
    }

    public DecodingError Reason { get; }

    /// <summary>Decoded bytes produced when the error struck.</summary>
    public long DecodedBytes { get; }

    /// <summary>Encoded bytes consumed from the wire when the error struck.</summary>
    public long EncodedBytes { get; }

    public override FetchErrorKind Kind => FetchErrorKind.Content;
}
