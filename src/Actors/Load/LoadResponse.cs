namespace Crawler.Actors.Load;

/// <summary>What the hot path keeps of a response: its status, the bytes it took on the wire, and whether the server closes after it.</summary>
internal readonly record struct LoadResponse(int Status, long Bytes, bool Close);
