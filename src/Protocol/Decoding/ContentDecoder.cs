using System.IO.Compression;

namespace Crawler.Protocol.Decoding;

/// <summary>Undoes Content-Encoding on a body stream (gzip, deflate zlib-wrapped or raw, br, identity).</summary>
public static class ContentDecoder
{
    /// <summary>
    /// Wraps <paramref name="body"/> so reading it yields the decoded bytes. <paramref name="codings"/> are the
    /// Content-Encoding tokens in the order the server applied them (so they are undone last first); a token may
    /// also be a comma-separated list as it appears in the header. Unknown codings throw
    /// <see cref="DecodingException"/> at once; corrupt data, limit breaches and a compressed stream that ends
    /// before its end marker (<see cref="DecodingError.Truncated"/>) throw it while reading.
    /// With no coding (or only identity) the body comes back as is. With <paramref name="useLibdeflate"/> and
    /// libdeflate installed, a body in gzip alone is decoded whole (see <see cref="WholeGzipStream"/>), with the same
    /// results and errors.
    /// </summary>
    public static Stream Decode(Stream body, IReadOnlyList<string> codings, DecodingLimits limits, bool useLibdeflate = true)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(codings);
        ArgumentNullException.ThrowIfNull(limits);

        var tokens = Tokenize(codings);
        if (useLibdeflate && tokens is ["gzip" or "x-gzip"] && Libdeflate.IsAvailable)
        {
            return new WholeGzipStream(body, tokens, limits);
        }

        return DecodeStreaming(body, tokens, limits);
    }

    /// <summary>The streaming stack for <paramref name="tokens"/> (from <see cref="Tokenize"/>): one decoder per coding.</summary>
    internal static Stream DecodeStreaming(Stream body, List<string> tokens, DecodingLimits limits)
    {
        foreach (var token in tokens)
        {
            if (token is not ("identity" or "gzip" or "x-gzip" or "deflate" or "br"))
            {
                throw new DecodingException(DecodingError.UnknownCoding, $"unsupported Content-Encoding '{token}' (supported: gzip, deflate, br, identity)");
            }
        }

        if (tokens.TrueForAll(t => t == "identity"))
        {
            return body;
        }

        // Each coding's decoder reads through an input that watches how it meets its end (a stream cut short is
        // an error); the first one, on the wire, also counts the encoded bytes.
        Stream stream = body;
        CompressedInputStream? wire = null;
        CompressedInputStream? input = null;
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i] == "identity")
            {
                continue;
            }

            input = new CompressedInputStream(stream, tokens[i], input);
            wire ??= input;
            stream = tokens[i] switch
            {
                "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                "deflate" => new DeflateSniffingStream(input),
                _ => new BrotliStream(input, CompressionMode.Decompress),
            };
        }

        return new DecodingLimitStream(stream, input!, wire!, limits, string.Join(", ", tokens));
    }

    /// <summary>Splits header values into lower-case tokens, dropping empties ("gzip, ,br").</summary>
    public static List<string> Tokenize(IReadOnlyList<string> codings)
    {
        ArgumentNullException.ThrowIfNull(codings);
        var tokens = new List<string>(codings.Count);
        foreach (var value in codings)
        {
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                tokens.Add(part.ToLowerInvariant());
            }
        }

        return tokens;
    }
}
