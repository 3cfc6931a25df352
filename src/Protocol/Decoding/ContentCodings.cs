using System.Text;
using Crawler.Protocol.Http1;

namespace Crawler.Protocol.Decoding;

/// <summary>
/// The Content-Encoding codings of a response, in the order the server applied them, lower-case, without
/// identity. Parsed headers are read from their bytes and the usual codings come back as shared strings, so a
/// response with no or a common encoding allocates no string for it.
/// </summary>
internal static class ContentCodings
{
    private const string Gzip = "gzip";
    private const string XGzip = "x-gzip";
    private const string Deflate = "deflate";
    private const string Brotli = "br";

    public static IReadOnlyList<string> Of(HttpHeaders headers)
    {
        List<string>? codings = null;
        var count = headers.Count;
        for (var i = 0; i < count; i++)
        {
            if (!headers.NameEquals(i, KnownHeaders.ContentEncoding))
            {
                continue;
            }

            // Headers built in code hold strings; they are rare (file:, data:, the cache) and short, so copying
            // one to bytes keeps a single tokenizer.
            if (headers.TryGetValueBytes(i, out var value))
            {
                AddTokens(value, ref codings);
            }
            else
            {
                AddTokens(Encoding.Latin1.GetBytes(headers.GetValue(i)), ref codings);
            }
        }

        return codings ?? (IReadOnlyList<string>)[];
    }

    private static void AddTokens(ReadOnlySpan<byte> value, ref List<string>? codings)
    {
        foreach (var range in value.Split((byte)','))
        {
            var token = value[range].Trim(" \t"u8);
            if (token.IsEmpty || Ascii.EqualsIgnoreCase(token, "identity"u8))
            {
                continue;
            }

            (codings ??= []).Add(Name(token));
        }
    }

    // ContentDecoder rejects anything else, so only its error message needs the rare unknown coding as a string.
    private static string Name(ReadOnlySpan<byte> token) =>
        Ascii.EqualsIgnoreCase(token, "gzip"u8) ? Gzip
        : Ascii.EqualsIgnoreCase(token, "br"u8) ? Brotli
        : Ascii.EqualsIgnoreCase(token, "deflate"u8) ? Deflate
        : Ascii.EqualsIgnoreCase(token, "x-gzip"u8) ? XGzip
        : Encoding.Latin1.GetString(token).ToLowerInvariant();
}
