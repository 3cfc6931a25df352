using Crawler.Host.Configuration.Hocon;
using static Crawler.Host.Tests.Configuration.HoconTestHelper;

namespace Crawler.Host.Tests.Configuration;

public sealed class HoconGetterTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("500", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("10 seconds", 10_000)]
    [InlineData("2m", 120_000)]
    [InlineData("5 minutes", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0s", 0)]
    [InlineData("250000us", 250)]
    [InlineData("3000000ns", 3)]
    public void GetDuration_SpecUnits_Converts(string text, long milliseconds)
        => Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Resolve($"d = {text}").GetDuration("d"));

    [Theory]
    [InlineData("512k", 512L * 1024)]
    [InlineData("512K", 512L * 1024)]
    [InlineData("10MiB", 10L * 1024 * 1024)]
    [InlineData("10M", 10L * 1024 * 1024)]
    [InlineData("1G", 1L << 30)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("10 megabytes", 10_000_000)]
    [InlineData("10MB", 10_000_000)]
    [InlineData("2kB", 2_000)]
    [InlineData("1000", 1000)]
    [InlineData("1000 bytes", 1000)]
    [InlineData("1T", 1L << 40)]
    public void GetBytes_SpecUnits_Converts(string text, long bytes)
        => Assert.Equal(bytes, Resolve($"s = {text}").GetBytes("s"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("\"on\"", true)]
    [InlineData("false", false)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    public void GetBoolean_SpecSpellings_Converts(string text, bool expected)
        => Assert.Equal(expected, Resolve($"b = {text}").GetBoolean("b"));

    [Theory]
    [InlineData("d = 10 parsecs", "d")]
    [InlineData("d = fast", "d")]
    [InlineData("d = { x = 1 }", "d")]
    public void GetDuration_NotADuration_FailsNamingPathAndOrigin(string hocon, string path)
    {
        var error = Assert.Throws<HoconException>(() => Resolve(hocon).GetDuration(path));
        Assert.Contains($"'{path}' is", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a duration", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.conf:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetBytes_Overflow_Fails()
        => Assert.Throws<HoconException>(() => Resolve("s = 99999999T").GetBytes("s"));

    [Fact]
    public void GetBoolean_Garbage_Fails()
        => Assert.Contains("expected a boolean", Assert.Throws<HoconException>(() => Resolve("b = maybe").GetBoolean("b")).Message, StringComparison.Ordinal);

    [Fact]
    public void GetInt32_TooLarge_Fails()
        => Assert.Throws<HoconException>(() => Resolve("n = 99999999999").GetInt32("n"));

    [Fact]
    public void Getters_MissingPath_FailNamingPath()
        => Assert.Contains("no setting at path 'a.b'", Assert.Throws<HoconException>(() => Resolve("x = 1").GetString("a.b")).Message, StringComparison.Ordinal);

    [Fact]
    public void GetStringList_List_ReturnsItems()
        => Assert.Equal(["a", "b", "3"], Resolve("l = [a, \"b\", 3]").GetStringList("l"));

    [Fact]
    public void HasPath_NullValue_IsFalse()
    {
        var root = Resolve("a = null, b = 1");
        Assert.False(root.HasPath("a"));
        Assert.True(root.HasPath("b"));
        Assert.False(root.HasPath("c"));
    }
}
