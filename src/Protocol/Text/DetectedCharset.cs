using System.Text;

namespace Crawler.Protocol.Text;

/// <summary>The encoding to decode a body with, where it came from, and how many BOM bytes to skip.</summary>
public sealed record DetectedCharset(Encoding Encoding, CharsetSource Source, int BomLength = 0);
