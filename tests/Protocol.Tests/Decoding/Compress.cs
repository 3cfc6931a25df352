using System.IO.Compression;

namespace Crawler.Protocol.Tests.Decoding;

internal static class Compress
{
    public static byte[] With(string coding, byte[] data)
    {
        using var output = new MemoryStream();
        using (var compressor = Create(coding, output))
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Applies codings in the order a server would (first listed, first applied).</summary>
    public static byte[] Stack(byte[] data, params string[] codings)
    {
        foreach (var coding in codings)
        {
            data = With(coding, data);
        }

        return data;
    }

    private static Stream Create(string coding, Stream output) => coding switch
    {
        "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "zlib" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "raw-deflate" => new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "br" => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, null),
    };
}
