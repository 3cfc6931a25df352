namespace Crawler.Protocol.Http1;

/// <summary>What the load generator keeps of a response: its status and how many body bytes were drained.</summary>
public readonly record struct DrainedResponse(int StatusCode, long BodyBytes, bool ConnectionReusable);
