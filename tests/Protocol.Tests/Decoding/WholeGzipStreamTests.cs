using System.Buffers.Binary;
using System.Text;
using Crawler.Protocol.Decoding;

namespace Crawler.Protocol.Tests.Decoding;

/// <summary>
/// gzip bodies decoded whole by libdeflate must come out exactly as the streaming decoder gives them: the same bytes,
/// or the same error. The streaming path is the oracle; every odd input here goes through both.
/// </summary>
public sealed class WholeGzipStreamTests
{
    private static readonly DecodingLimits Generous = new(64L << 20, 100_000, 1 << 20);

    private static readonly byte[] Page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"<p><a href=\"/page-{i}.html\">Caf\u00e9 {i}</a></p>\n")));

    public WholeGzipStreamTests()
    {
        Assert.True(
            Libdeflate.IsAvailable,
            "libdeflate is not installed (apt-get install -y libdeflate0; scripts/test installs it): the whole-body gzip path cannot be tested");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(-1)]
    public async Task Decode_OneGzipMember_IsInflatedWhole_SyncAndAsync(int length)
    {
        var original = length < 0 ? Page : Page[..length];
        var encoded = Compress.With("gzip", original);

        using var sync = Whole(encoded);
        Assert.Equal(original, ReadAll(sync));
        Assert.True(sync.InflatedWhole);

        await using var async = Whole(encoded);
        Assert.Equal(original, await ReadAllAsync(async, chunk: 7));
        Assert.True(async.InflatedWhole);
    }

    [Fact]
    public void Decode_EmptyBody_GivesNothing()
    {
        using var decoded = Whole([]);
        Assert.Empty(ReadAll(decoded));
    }

    [Fact]
    public void Decode_WithLibdeflateOff_Streams()
    {
        using var decoded = ContentDecoder.Decode(new MemoryStream(Compress.With("gzip", Page)), ["gzip"], Generous, useLibdeflate: false);
        Assert.IsNotType<WholeGzipStream>(decoded);
        Assert.Equal(Page, ReadAll(decoded));
    }

    [Fact]
    public void Decode_OtherCodingsAndStacks_Stream()
    {
        Assert.IsNotType<WholeGzipStream>(ContentDecoder.Decode(new MemoryStream(), ["deflate"], Generous));
        Assert.IsNotType<WholeGzipStream>(ContentDecoder.Decode(new MemoryStream(), ["gzip", "br"], Generous));
        Assert.IsType<WholeGzipStream>(ContentDecoder.Decode(new MemoryStream(), ["X-Gzip"], Generous));
    }

    // Past MaxEncodedBytes the body streams, the bytes already taken first: random bytes do not compress.
    [Fact]
    public async Task Decode_BodyLongerThanTheCap_StreamsFromTheBytesAlreadyRead()
    {
        var original = new byte[WholeGzipStream.MaxEncodedBytes + 100_000];
        new Random(7).NextBytes(original);
        var encoded = Compress.With("gzip", original);
        Assert.True(encoded.Length > WholeGzipStream.MaxEncodedBytes);

        await using var decoded = Whole(encoded);
        Assert.Equal(original, await ReadAllAsync(decoded, chunk: 64 << 10));
        Assert.False(decoded.InflatedWhole);
    }

    [Fact]
    public void Decode_BodyThatFailsWhileBeingRead_FailsAgainInsteadOfEndingEarly()
    {
        using var decoded = ContentDecoder.Decode(new FailingAfterStream(Compress.With("gzip", Page), 100), ["gzip"], Generous);
        var buffer = new byte[4096];

        Assert.Throws<IOException>(() => decoded.Read(buffer));
        Assert.Throws<IOException>(() => decoded.Read(buffer));
    }

    /// <summary>Gives <c>failAt</c> bytes, then throws as a reset connection does, on every read after.</summary>
    private sealed class FailingAfterStream(byte[] data, int failAt) : MemoryStream(data[..failAt])
    {
        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            return n > 0 ? n : throw new IOException("connection reset");
        }
    }

    [Fact]
    public void Decode_StatedSizePastTheWholeCap_Streams()
    {
        var original = new byte[WholeGzipStream.MaxWholeDecodedBytes + 1];
        using var decoded = Whole(Compress.With("gzip", original));
        Assert.Equal(original.Length, ReadAll(decoded).Length);
        Assert.False(decoded.InflatedWhole);
    }

    [Fact]
    public void Decode_StatedSizePastMaxDecodedBytes_FailsAsTooLarge()
    {
        var limits = Generous with { MaxDecodedBytes = 1000 };
        var encoded = Compress.With("gzip", Page);
        AssertSameOutcome(encoded, limits);
        Assert.Equal(DecodingError.TooLarge, Outcome(encoded, limits, useLibdeflate: true).Error?.Reason);
    }

    [Fact]
    public void Decode_ExpansionPastTheRatio_FailsAsExpansionRatio()
    {
        var limits = new DecodingLimits(64L << 20, 10, 1000);
        var encoded = Compress.With("gzip", new byte[100_000]);
        AssertSameOutcome(encoded, limits);
        Assert.Equal(DecodingError.ExpansionRatio, Outcome(encoded, limits, useLibdeflate: true).Error?.Reason);
    }

    public static TheoryData<string> OddBodies() => new(Odd.Keys);

    [Theory]
    [MemberData(nameof(OddBodies))]
    public void Decode_OddBody_GivesWhatStreamingGives(string name)
    {
        AssertSameOutcome(Odd[name], Generous);
    }

    [Fact]
    public void Decode_EveryCut_GivesWhatStreamingGives()
    {
        var encoded = Compress.With("gzip", Page[..3000]);
        for (var length = 1; length < encoded.Length; length++)
        {
            AssertSameOutcome(encoded[..length], Generous);
        }
    }

    [Fact]
    public void Decode_EveryCorruptByte_GivesWhatStreamingGives()
    {
        var encoded = Compress.With("gzip", Page[..3000]);
        for (var i = 0; i < encoded.Length; i++)
        {
            var corrupt = (byte[])encoded.Clone();
            corrupt[i] ^= 0x5a;
            AssertSameOutcome(corrupt, Generous);
        }
    }

    // Named odd bodies: each must decode, or fail, exactly as the streaming decoder has it.
    private static readonly Dictionary<string, byte[]> Odd = new()
    {
        ["two members"] = [.. Compress.With("gzip", Page), .. Compress.With("gzip", Page[..500])],
        ["trailing zeros"] = [.. Compress.With("gzip", Page), 0, 0, 0, 0],
        ["trailing start of a member"] = [.. Compress.With("gzip", Page), 0x1f, 0x8b],
        ["stated size too small"] = WithStatedSize(Compress.With("gzip", Page), Page.Length - 1),
        ["stated size too large"] = WithStatedSize(Compress.With("gzip", Page), Page.Length + 1),
        ["stated size zero"] = WithStatedSize(Compress.With("gzip", Page), 0),
        ["bad crc"] = WithCrc(Compress.With("gzip", Page), 12345),
        ["not gzip"] = Page,
        ["one byte"] = [0x1f],
        ["header only"] = Compress.With("gzip", Page)[..10],
    };

    private static byte[] WithStatedSize(byte[] encoded, int size)
    {
        var copy = (byte[])encoded.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(copy.Length - 4), size);
        return copy;
    }

    private static byte[] WithCrc(byte[] encoded, uint crc)
    {
        var copy = (byte[])encoded.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(copy.Length - 8), crc);
        return copy;
    }

    private static void AssertSameOutcome(byte[] encoded, DecodingLimits limits)
    {
        var streamed = Outcome(encoded, limits, useLibdeflate: false);
        var whole = Outcome(encoded, limits, useLibdeflate: true);
        Assert.Equal(streamed.Output, whole.Output);
        Assert.Equal(streamed.Error?.Reason, whole.Error?.Reason);
        Assert.Equal(streamed.Error?.Message, whole.Error?.Message);
    }

    private static (byte[] Output, DecodingException? Error) Outcome(byte[] encoded, DecodingLimits limits, bool useLibdeflate)
    {
        using var output = new MemoryStream();
        using var decoded = ContentDecoder.Decode(new MemoryStream(encoded), ["gzip"], limits, useLibdeflate);
        try
        {
            decoded.CopyTo(output);
            return (output.ToArray(), null);
        }
        catch (DecodingException e)
        {
            return (output.ToArray(), e);
        }
    }

    private static WholeGzipStream Whole(byte[] encoded) => Assert.IsType<WholeGzipStream>(ContentDecoder.Decode(new TrickleStream(encoded, 1000), ["gzip"], Generous));

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int chunk)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[chunk];
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, n);
        }

        return copy.ToArray();
    }
}
