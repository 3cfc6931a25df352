namespace Crawler.Protocol.Http1;

/// <summary>The precise way a peer (or a caller's request) broke HTTP/1.1.</summary>
public enum HttpProtocolError
{
    InvalidStatusLine,
    InvalidHeaderLine,
    HeadersTooLarge,
    TooManyHeaders,
    InvalidContentLength,
    ConflictingContentLength,
    InvalidChunkSize,
    ChunkLineTooLong,
    InvalidChunkTerminator,
    PrematureEof,
    TooManyInterimResponses,
    UnexpectedStatus,
    InvalidRequestHeader,
    UnexpectedData,
}
