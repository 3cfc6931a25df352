using System.Text;
using Crawler.Protocol.Decoding;

namespace Crawler.Protocol.Tests.Decoding;

/// <summary>
/// A compressed body whose HTTP framing is complete but whose compressed stream stops before its end marker
/// (a cut-off upstream, a proxy that gave up) must fail with <see cref="DecodingError.Truncated"/>, never come
/// out as a silently shorter page; complete bodies, however they are split into reads, must still decode exactly.
/// </summary>
public sealed class TruncationTests
{
    private static readonly DecodingLimits Generous = new(64L << 20, 100_000, 1 << 20);

    private static readonly byte[] Small = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Hello, d\u00e9coding world!</p>\n", 500)));

    // Compresses about 3:1 into tens of KiB: several deflate blocks and brotli meta-blocks, and more input than
    // one 8 KiB read of the decompressors.
    private static readonly byte[] Large = Words(200_000);

    // The smallest complete streams of nothing: what zlib, gzip(1) and brotli write for an empty input
    // (.NET's GZip/ZLib/DeflateStream write no bytes at all for one).
    private static readonly byte[] EmptyGzip = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] EmptyZlib = [0x78, 0x9c, 3, 0, 0, 0, 0, 1];
    private static readonly byte[] EmptyRawDeflate = [3, 0];

    /// <summary>Payload, compressor, and where to cut: a byte count, "mid", or "end-N" (N bytes short of the end).</summary>
    public static TheoryData<string, string, string> Cuts()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var payload in new[] { "small", "large" })
        {
            // gzip: inside the 10-byte header, right after it, mid-stream, before the CRC32, inside it, before ISIZE, inside it.
            foreach (var cut in new[] { "1", "2", "4", "9", "10", "mid", "end-8", "end-5", "end-4", "end-1" })
            {
                data.Add(payload, "gzip", cut);
            }

            // zlib: inside the 2-byte header, right after it, mid-stream, before the Adler-32, inside it.
            foreach (var cut in new[] { "1", "2", "3", "mid", "end-4", "end-2", "end-1" })
            {
                data.Add(payload, "zlib", cut);
            }

            foreach (var cut in new[] { "1", "2", "mid", "end-2", "end-1" })
            {
                data.Add(payload, "raw-deflate", cut);
                data.Add(payload, "br", cut);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public void Decode_TruncatedStream_ThrowsTruncated(string payload, string compressor, string cut)
    {
        var original = Payload(payload);
        var truncated = Truncate(Compress.With(compressor, original), cut);

        var (output, e) = ReadUntilError(ContentDecoder.Decode(new MemoryStream(truncated), [Token(compressor)], Generous));

        AssertTruncated(e, Token(compressor), truncated.Length);
        AssertPrefix(original, output);
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Decode_TruncatedStreamTrickledAsync_ThrowsTruncated(string payload, string compressor, string cut)
    {
        var original = Payload(payload);
        var truncated = Truncate(Compress.With(compressor, original), cut);

        var (output, e) = await ReadUntilErrorAsync(ContentDecoder.Decode(new TrickleStream(truncated, 7), [Token(compressor)], Generous));

        AssertTruncated(e, Token(compressor), truncated.Length);
        AssertPrefix(original, output);
    }

    [Theory]
    [InlineData("gzip", 1)]
    [InlineData("gzip", 1000)]
    [InlineData("gzip", 1 << 20)]
    [InlineData("zlib", 1)]
    [InlineData("zlib", 1 << 20)]
    [InlineData("raw-deflate", 3)]
    [InlineData("raw-deflate", 1 << 20)]
    [InlineData("br", 1)]
    [InlineData("br", 1 << 20)]
    public async Task Decode_CompleteLargeStream_DecodesExactlySyncAndAsync(string compressor, int chunk)
    {
        var encoded = Compress.With(compressor, Large);

        Assert.Equal(Large, ReadAll(ContentDecoder.Decode(new TrickleStream(encoded, chunk), [Token(compressor)], Generous)));
        Assert.Equal(Large, await ReadAllAsync(ContentDecoder.Decode(new TrickleStream(encoded, chunk), [Token(compressor)], Generous)));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Decode_EmptyBody_GivesNothing(string coding)
    {
        // Servers label empty bodies with their usual coding; zero bytes is no stream at all, not a cut-off one.
        Assert.Empty(ReadAll(ContentDecoder.Decode(new MemoryStream(), [coding], Generous)));
        Assert.Empty(await ReadAllAsync(ContentDecoder.Decode(new MemoryStream(), [coding], Generous)));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("zlib")]
    [InlineData("raw-deflate")]
    [InlineData("br")]
    public async Task Decode_CompleteStreamOfNothing_GivesNothing(string compressor)
    {
        var encoded = compressor switch
        {
            "gzip" => EmptyGzip,
            "zlib" => EmptyZlib,
            "raw-deflate" => EmptyRawDeflate,
            _ => Compress.With("br", []),
        };
        Assert.NotEmpty(encoded);

        Assert.Empty(ReadAll(ContentDecoder.Decode(new MemoryStream(encoded), [Token(compressor)], Generous)));
        Assert.Empty(await ReadAllAsync(ContentDecoder.Decode(new TrickleStream(encoded, 1), [Token(compressor)], Generous)));
    }

    // Member boundaries land inside reads, at their ends (chunk 1, and a chunk of exactly the first member), and
    // an empty member sits between two real ones.
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(0)]
    [InlineData(1 << 20)]
    public async Task Decode_MultiMemberGzip_DecodesEveryMember(int chunk)
    {
        var first = Compress.With("gzip", Small);
        var second = Compress.With("gzip", Large);
        byte[] encoded = [.. first, .. EmptyGzip, .. second, .. EmptyGzip];
        byte[] expected = [.. Small, .. Large];
        chunk = chunk == 0 ? first.Length : chunk;

        Assert.Equal(expected, ReadAll(ContentDecoder.Decode(new TrickleStream(encoded, chunk), ["gzip"], Generous)));
        Assert.Equal(expected, await ReadAllAsync(ContentDecoder.Decode(new TrickleStream(encoded, chunk), ["gzip"], Generous)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(-8)]
    [InlineData(-1)]
    public void Decode_MultiMemberGzipWithCutLastMember_ThrowsTruncated(int cut)
    {
        var first = Compress.With("gzip", Small);
        var second = Compress.With("gzip", Large);
        byte[] encoded = [.. first, .. second.AsSpan(0, cut > 0 ? cut : second.Length + cut)];

        var (output, e) = ReadUntilError(ContentDecoder.Decode(new MemoryStream(encoded), ["gzip"], Generous));

        AssertTruncated(e, "gzip", encoded.Length);
        AssertPrefix([.. Small, .. Large], output);
    }

    // What gzip(1) and browsers do: bytes after a complete stream that cannot start another gzip member are
    // ignored; the stream itself was whole and its checksum verified.
    [Theory]
    [InlineData("gzip", "00000000")]
    [InlineData("gzip", "0A")]
    [InlineData("gzip", "3C68746D6C3E")]
    [InlineData("zlib", "0A0A")]
    [InlineData("raw-deflate", "00")]
    [InlineData("br", "0A")]
    public async Task Decode_TrailingBytesAfterCompleteStream_AreIgnored(string compressor, string trailingHex)
    {
        byte[] encoded = [.. Compress.With(compressor, Small), .. Convert.FromHexString(trailingHex)];

        Assert.Equal(Small, ReadAll(ContentDecoder.Decode(new MemoryStream(encoded), [Token(compressor)], Generous)));
        Assert.Equal(Small, await ReadAllAsync(ContentDecoder.Decode(new TrickleStream(encoded, 1), [Token(compressor)], Generous)));
    }

    // ...but bytes that start another member are a member, and one that ends early is cut off.
    [Theory]
    [InlineData("1F")]
    [InlineData("1F8B")]
    [InlineData("1F8B08")]
    public void Decode_GzipFollowedByTheStartOfAMember_ThrowsTruncated(string trailingHex)
    {
        byte[] encoded = [.. Compress.With("gzip", Small), .. Convert.FromHexString(trailingHex)];

        var (output, e) = ReadUntilError(ContentDecoder.Decode(new MemoryStream(encoded), ["gzip"], Generous));

        AssertTruncated(e, "gzip", encoded.Length);
        Assert.Equal(Small, output);
    }

    // Stacked codings: the outer (wire) coding may be cut after the bytes that complete the inner stream, so the
    // inner decoder is satisfied and never asks for more; the wire stream must still be checked to its end.
    [Theory]
    [InlineData("br,gzip", "end-8")]
    [InlineData("br,gzip", "end-1")]
    [InlineData("br,gzip", "mid")]
    [InlineData("gzip,gzip", "end-4")]
    [InlineData("gzip,zlib", "end-1")]
    [InlineData("zlib,br", "end-1")]
    public async Task Decode_StackedCodingsWithTheWireStreamCut_ThrowsTruncatedNamingIt(string appliedList, string cut)
    {
        var applied = appliedList.Split(',');
        var encoded = Truncate(Compress.Stack(Large, applied), cut);
        var tokens = applied.Select(Token).ToArray();

        var (output, e) = ReadUntilError(ContentDecoder.Decode(new MemoryStream(encoded), tokens, Generous));
        AssertTruncated(e, tokens[^1], encoded.Length);
        AssertPrefix(Large, output);

        var (outputAsync, eAsync) = await ReadUntilErrorAsync(ContentDecoder.Decode(new TrickleStream(encoded, 3), tokens, Generous));
        AssertTruncated(eAsync, tokens[^1], encoded.Length);
        AssertPrefix(Large, outputAsync);
    }

    [Fact]
    public void Decode_StackedCodingsWithTheInnerStreamCut_ThrowsTruncatedNamingIt()
    {
        // A whole gzip stream around a cut brotli stream: the server compressed a broken file.
        var encoded = Compress.With("gzip", Truncate(Compress.With("br", Large), "mid"));

        var (output, e) = ReadUntilError(ContentDecoder.Decode(new MemoryStream(encoded), ["br", "gzip"], Generous));

        Assert.NotNull(e);
        Assert.Equal(DecodingError.Truncated, e.Reason);
        Assert.StartsWith("br body ends before the end of its compressed stream", e.Message, StringComparison.Ordinal);
        AssertPrefix(Large, output);
    }

    [Theory]
    [InlineData("br,gzip")]
    [InlineData("gzip,zlib")]
    public void Decode_StackedCodingsWithBytesAfterTheInnerStream_IgnoresThem(string appliedList)
    {
        var applied = appliedList.Split(',');
        var inner = Compress.With(applied[0], Large);
        var encoded = Compress.With(applied[1], [.. inner, .. "\n\n"u8]);

        var decoded = ReadAll(ContentDecoder.Decode(new MemoryStream(encoded), [.. applied.Select(Token)], Generous));

        Assert.Equal(Large, decoded);
    }

    [Fact]
    public async Task Decode_StackedCodingsWithABombAfterTheInnerStream_StopsAtMaxDecodedBytes()
    {
        // Checking the gzip layer means reading it to its end; what it holds after the brotli stream still counts.
        var encoded = Compress.With("gzip", [.. Compress.With("br", Small), .. new byte[4 << 20]]);
        var limits = new DecodingLimits(MaxDecodedBytes: 1 << 20, MaxExpansionRatio: 1_000_000, RatioGraceBytes: 1 << 20);

        var (output, e) = ReadUntilError(ContentDecoder.Decode(new MemoryStream(encoded), ["br", "gzip"], limits));
        Assert.Equal(DecodingError.TooLarge, e?.Reason);
        Assert.Equal(Small, output);

        var (_, eAsync) = await ReadUntilErrorAsync(ContentDecoder.Decode(new MemoryStream(encoded), ["br", "gzip"], limits));
        Assert.Equal(DecodingError.TooLarge, eAsync?.Reason);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("zlib")]
    [InlineData("raw-deflate")]
    [InlineData("br")]
    public void Decode_ReadsAfterTheFirst_AllocateNothing(string compressor)
    {
        var encoded = Compress.With(compressor, Large);
        using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), [Token(compressor)], Generous);
        var buffer = new byte[4096];
        var total = decoded.Read(buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        int n;
        while ((n = decoded.Read(buffer)) > 0)
        {
            total += n;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(Large.Length, total);
    }

    private static void AssertTruncated(DecodingException? e, string coding, int encodedLength)
    {
        Assert.NotNull(e);
        Assert.Equal(DecodingError.Truncated, e.Reason);
        Assert.Equal(FetchErrorKind.Content, e.Kind);
        Assert.Equal(encodedLength, e.EncodedBytes);
        Assert.StartsWith($"{coding} body ends before the end of its compressed stream after {encodedLength} encoded bytes", e.Message, StringComparison.Ordinal);
    }

    // Nothing made up: whatever came out before the error is the start of the original.
    private static void AssertPrefix(byte[] original, byte[] output)
    {
        Assert.True(output.Length <= original.Length, $"{output.Length} bytes decoded from a cut stream of {original.Length}");
        Assert.True(original.AsSpan(0, output.Length).SequenceEqual(output), "decoded bytes differ from the original");
    }

    private static (byte[] Output, DecodingException? Error) ReadUntilError(Stream stream)
    {
        using var output = new MemoryStream();
        var buffer = new byte[1000];
        try
        {
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
            }

            return (output.ToArray(), null);
        }
        catch (DecodingException e)
        {
            return (output.ToArray(), e);
        }
        finally
        {
            stream.Dispose();
        }
    }

    private static async Task<(byte[] Output, DecodingException? Error)> ReadUntilErrorAsync(Stream stream)
    {
        using var output = new MemoryStream();
        var buffer = new byte[1000];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
            }

            return (output.ToArray(), null);
        }
        catch (DecodingException e)
        {
            return (output.ToArray(), e);
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private static byte[] Truncate(byte[] encoded, string cut)
    {
        var length = cut switch
        {
            "mid" => encoded.Length / 2,
            _ when cut.StartsWith("end-", StringComparison.Ordinal) => encoded.Length - int.Parse(cut.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture),
            _ => int.Parse(cut, System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.InRange(length, 1, encoded.Length - 1);
        return encoded[..length];
    }

    private static byte[] Payload(string name) => name == "small" ? Small : Large;

    private static string Token(string compressor) => compressor is "zlib" or "raw-deflate" ? "deflate" : compressor;

    private static byte[] Words(int length)
    {
        var random = new Random(42);
        var vocabulary = Enumerable.Range(0, 400)
            .Select(_ => new string(Enumerable.Range(0, random.Next(2, 9)).Select(_ => (char)('a' + random.Next(26))).ToArray()))
            .ToArray();
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(vocabulary[random.Next(vocabulary.Length)]).Append(random.Next(12) == 0 ? ".\n" : " ");
            if (random.Next(40) == 0)
            {
                text.Append(random.Next(1_000_000)).Append(' ');
            }
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }
}
