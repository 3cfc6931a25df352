using System.Text;
using Crawler.Protocol.Decoding;

namespace Crawler.Protocol.Tests.Decoding;

public sealed class ContentDecoderTests
{
    private static readonly DecodingLimits Generous = new(64L << 20, 100_000, 1 << 20);

    private static readonly byte[] Sample = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Hello, d\u00e9coding world!</p>\n", 500)));

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("x-gzip", "gzip")]
    [InlineData("GZIP", "gzip")]
    [InlineData("deflate", "zlib")]
    [InlineData("deflate", "raw-deflate")]
    [InlineData("br", "br")]
    public void Decode_SingleCoding_RoundTrips(string coding, string compressor)
    {
        var encoded = Compress.With(compressor, Sample);
        using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), [coding], Generous);
        Assert.Equal(Sample, ReadAll(decoded));
    }

    [Theory]
    [InlineData("gzip,br")]
    [InlineData("br,gzip")]
    [InlineData("zlib,gzip,br")]
    [InlineData("raw-deflate,identity,gzip")]
    public void Decode_StackedCodings_UndoesLastFirst(string appliedList)
    {
        var applied = appliedList.Split(',');
        var encoded = Sample;
        foreach (var coding in applied.Where(c => c != "identity"))
        {
            encoded = Compress.With(coding, encoded);
        }

        var tokens = applied.Select(c => c is "zlib" or "raw-deflate" ? "deflate" : c).ToArray();
        using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), tokens, Generous);
        Assert.Equal(Sample, ReadAll(decoded));
    }

    [Fact]
    public void Decode_CommaSeparatedHeaderValue_IsSplit()
    {
        var encoded = Compress.Stack(Sample, "gzip", "br");
        using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), ["gzip, br"], Generous);
        Assert.Equal(Sample, ReadAll(decoded));
    }

    [Theory]
    [InlineData("")]
    [InlineData("identity")]
    [InlineData("Identity| identity ")]
    public void Decode_NoRealCoding_ReturnsBodyItself(string codingList)
    {
        var codings = codingList.Length == 0 ? [] : codingList.Split('|');
        var body = new MemoryStream(Sample);
        Assert.Same(body, ContentDecoder.Decode(body, codings, Generous));
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("zstd")]
    [InlineData("gzip;q=1")]
    public void Decode_UnknownCoding_ThrowsAtOnce(string coding)
    {
        var e = Assert.Throws<DecodingException>(() => ContentDecoder.Decode(new MemoryStream(Sample), ["gzip", coding], Generous));
        Assert.Equal(DecodingError.UnknownCoding, e.Reason);
        Assert.Equal(FetchErrorKind.Content, e.Kind);
        Assert.Contains(coding.ToLowerInvariant(), e.Message, StringComparison.Ordinal);
    }

    // Every read boundary, including one splitting the two-byte zlib header the deflate sniffer looks at.
    [Theory]
    [InlineData("zlib", 1)]
    [InlineData("zlib", 2)]
    [InlineData("zlib", 3)]
    [InlineData("raw-deflate", 1)]
    [InlineData("raw-deflate", 7)]
    [InlineData("gzip", 1)]
    [InlineData("br", 1)]
    public async Task Decode_TrickledInput_DecodesIdenticallySyncAndAsync(string compressor, int chunk)
    {
        var encoded = Compress.With(compressor, Sample);
        var coding = compressor switch { "zlib" or "raw-deflate" => "deflate", _ => compressor };

        using (var decoded = ContentDecoder.Decode(new TrickleStream(encoded, chunk), [coding], Generous))
        {
            Assert.Equal(Sample, ReadAll(decoded));
        }

        await using var decodedAsync = ContentDecoder.Decode(new TrickleStream(encoded, chunk), [coding], Generous);
        using var copy = new MemoryStream();
        await decodedAsync.CopyToAsync(copy);
        Assert.Equal(Sample, copy.ToArray());
    }

    [Fact]
    public void Decode_EmptyDeflateBody_GivesNothing()
    {
        using var decoded = ContentDecoder.Decode(new MemoryStream(), ["deflate"], Generous);
        Assert.Empty(ReadAll(decoded));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Decode_CorruptData_ThrowsDecodingExceptionNotInvalidData(string coding)
    {
        var encoded = Corrupted(coding);

        var e = Assert.Throws<DecodingException>(() => ReadAll(ContentDecoder.Decode(new MemoryStream(encoded), [coding], Generous)));
        Assert.Equal(DecodingError.CorruptData, e.Reason);
        Assert.Contains("corrupt " + coding, e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.InnerException);

        var eAsync = await Assert.ThrowsAsync<DecodingException>(async () =>
        {
            await using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), [coding], Generous);
            await decoded.CopyToAsync(Stream.Null);
        });
        Assert.Equal(DecodingError.CorruptData, eAsync.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_GzipBombOfOneGigabyte_StopsAtMaxDecodedBytesQuicklyAndSmall(bool useLibdeflate)
    {
        // One member is 1 MiB of zeros (about 1 KiB compressed); 1024 of them make 1 GiB decoded.
        var member = Compress.With("gzip", new byte[1 << 20]);
        var bomb = new RepeatedMemberStream(member, 1024);
        var limits = new DecodingLimits(MaxDecodedBytes: 16L << 20, MaxExpansionRatio: 1_000_000, RatioGraceBytes: 1 << 20);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        using var decoded = ContentDecoder.Decode(bomb, ["gzip"], limits, useLibdeflate);
        var e = Assert.Throws<DecodingException>(() => Drain(decoded));

        // The whole-body path reads up to its cap before it hands the bytes to the streaming decoder.
        var readAhead = useLibdeflate ? WholeGzipStream.MaxEncodedBytes : 0;
        Assert.Equal(DecodingError.TooLarge, e.Reason);
        Assert.True(e.DecodedBytes > limits.MaxDecodedBytes);
        Assert.True(e.DecodedBytes <= limits.MaxDecodedBytes + (64 << 10), $"overshoot {e.DecodedBytes}");
        Assert.Contains(limits.MaxDecodedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.True(bomb.BytesRead < readAhead + (64 * member.Length), $"read {bomb.BytesRead} encoded bytes");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 4 << 20, "decoding a bomb should not allocate megabytes");
    }

    // Note: a plain gzip of zeros expands about 1000x, DEFLATE's ceiling is about 1032x, so the default ratio of
    // 1000 hardly ever catches a single layer (MaxDecodedBytes does); it catches stacked and brotli bombs.
    [Fact]
    public void Decode_StackedGzipBombWithDefaultLimits_EndsOnRatioWithinMegabytes()
    {
        var member = Compress.With("gzip", new byte[1 << 20]);
        var innerBomb = new byte[member.Length * 1024];
        for (var i = 0; i < 1024; i++)
        {
            member.CopyTo(innerBomb, i * member.Length);
        }

        // About 1 MiB of gzip members (1 GiB decoded), compressed again: a few KiB on the wire.
        var encoded = Compress.With("gzip", innerBomb);

        using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), ["gzip", "gzip"], DecodingLimits.Default);
        var e = Assert.Throws<DecodingException>(() => Drain(decoded));

        Assert.Equal(DecodingError.ExpansionRatio, e.Reason);
        Assert.True(e.DecodedBytes < 64L << 20, $"decoded {e.DecodedBytes} from {e.EncodedBytes}");
    }

    [Fact]
    public void Decode_HighExpansionPastGrace_ThrowsRatioWithNumbers()
    {
        var member = Compress.With("gzip", new byte[1 << 20]);
        var limits = new DecodingLimits(MaxDecodedBytes: 1L << 40, MaxExpansionRatio: 100, RatioGraceBytes: 256 << 10);

        using var decoded = ContentDecoder.Decode(new RepeatedMemberStream(member, 1024), ["gzip"], limits);
        var e = Assert.Throws<DecodingException>(() => Drain(decoded));

        Assert.Equal(DecodingError.ExpansionRatio, e.Reason);
        Assert.True(e.DecodedBytes > limits.RatioGraceBytes);
        Assert.True(e.DecodedBytes > 100 * e.EncodedBytes);
        Assert.Contains("ratio 100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HighExpansionWithinGrace_IsAllowed()
    {
        // 64 KiB of zeros compresses a thousandfold; tiny bodies may, the grace covers them.
        var encoded = Compress.With("br", new byte[64 << 10]);
        var limits = new DecodingLimits(MaxDecodedBytes: 1L << 20, MaxExpansionRatio: 2, RatioGraceBytes: 64 << 10);
        using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), ["br"], limits);
        Assert.Equal(64 << 10, ReadAll(decoded).Length);
    }

    [Fact]
    public void Decode_ExactlyMaxDecodedBytes_IsAllowed()
    {
        var encoded = Compress.With("gzip", new byte[100_000]);
        var limits = new DecodingLimits(MaxDecodedBytes: 100_000, MaxExpansionRatio: 1_000_000, RatioGraceBytes: 0);
        using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), ["gzip"], limits);
        Assert.Equal(100_000, ReadAll(decoded).Length);

        using var over = ContentDecoder.Decode(new MemoryStream(encoded), ["gzip"], limits with { MaxDecodedBytes = 99_999 });
        Assert.Equal(DecodingError.TooLarge, Assert.Throws<DecodingException>(() => ReadAll(over)).Reason);
    }

    // gzip and zlib: a valid header then noise (their decoders reject bad block types). Brotli accepts much
    // random input as a short valid stream, so for br a real stream is damaged in the middle instead.
    private static byte[] Corrupted(string coding)
    {
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        switch (coding)
        {
            case "gzip":
                return [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, .. noise];
            case "deflate":
                return [0x78, 0x9c, .. noise];
            default:
                var encoded = Compress.With("br", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("hello world abc ", 5000))));
                for (var i = encoded.Length / 3; i < (encoded.Length / 3) + 8; i++)
                {
                    encoded[i] ^= 0x5a;
                }

                return encoded;
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Drain(Stream stream)
    {
        var buffer = new byte[64 << 10];
        // Bounded: 1 GiB / 64 KiB reads at most, far more than any limit above lets through.
        for (var i = 0; i < 1 << 15; i++)
        {
            if (stream.Read(buffer) == 0)
            {
                return;
            }
        }
    }
}
