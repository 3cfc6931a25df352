namespace Crawler.Protocol.Http1;

/// <summary>
/// What the load generator keeps of a response: its status, how many body bytes were skipped, whether the
/// connection may carry another request, and every response byte read from the wire (head included).
/// </summary>
public readonly record struct DrainedResponse(int StatusCode, long BodyBytes, bool ConnectionReusable, long WireBytes);
