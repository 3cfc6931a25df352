namespace Crawler.Protocol.Http1;

/// <summary>Defaults for the HTTP/1.1 limits; ClientOptions overrides the header ones, reference.conf documents them.</summary>
public static class ProtocolLimits
{
    // Status line + headers. nginx and Kestrel cap request heads near 32-64 KiB; a response head larger than
    // 64 KiB is abuse or a bug, and the whole head must sit in one buffer while it is parsed.
    public const int MaxResponseHeaderBytes = 64 * 1024;

    // Each header costs a slot in a pooled table (its strings are made only when read); Kestrel allows 100,
    // real responses carry 10-30.
    public const int MaxResponseHeaderCount = 128;

    // A chunk-size line is at most 16 hex digits plus extensions nobody uses; runtime's
    // ChunkedEncodingReadStream stops at 16 KiB too, so a server cannot make us buffer an endless line.
    public const int MaxChunkLineBytes = 16 * 1024;

    // 1xx responses before the final one: one 100 Continue or a few 103 Early Hints are normal; a server that
    // keeps sending 1xx would hold the request forever.
    public const int MaxInterimResponses = 16;

    // Per-connection read buffer: one syscall reads a typical head plus the start of the body. It grows (pooled)
    // only when a single head or chunk line does not fit.
    public const int ReadBufferBytes = 16 * 1024;

    // A redirect or revalidation body left unread is drained up to this many bytes so its connection can be
    // reused; beyond it closing is cheaper than reading.
    public const int MaxDrainBytes = 64 * 1024;
}
