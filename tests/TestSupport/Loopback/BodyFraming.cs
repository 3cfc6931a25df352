namespace Crawler.TestSupport.Loopback;

/// <summary>How <see cref="LoopbackConnection.WriteResponseAsync"/> delimits a body: a theory axis for framing tests.</summary>
public enum BodyFraming
{
    ContentLength,
    Chunked,
    /// <summary>Chunked with one byte per chunk, each in its own write: the worst case for parsers.</summary>
    BytePerChunk,
    /// <summary>No length; the server closes the connection after the body.</summary>
    ConnectionClose,
}
