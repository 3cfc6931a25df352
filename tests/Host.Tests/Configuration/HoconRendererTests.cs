using Crawler.Host.Configuration.Hocon;
using static Crawler.Host.Tests.Configuration.HoconTestHelper;

namespace Crawler.Host.Tests.Configuration;

public sealed class HoconRendererTests
{
    [Theory]
    [InlineData("a { b = 1, c = \"x y\", d = [1, \"two\", { e = true }], f = null, g = 10s, \"h.i\" = on }")]
    [InlineData("s = \"quote \\\" newline \\n tab \\t\"\nu = 123abc\nn = \"42\"\nt = \"true\"")]
    [InlineData("empty {}\nlist = []\nnested { deeper { deepest = 1.50 } }")]
    public void ToHocon_Reparsed_GivesSameTree(string hocon)
    {
        var original = Resolve(hocon);
        var rendered = HoconRenderer.ToHocon(original);
        Assert.Equal(Compact(HoconRenderer.ToJson(original)), Json(rendered));
    }

    [Fact]
    public void ToHocon_WithOrigins_CommentsEachValue()
    {
        var rendered = HoconRenderer.ToHocon(Resolve("a {\n  b = 1\n}"), withOrigins: true);
        Assert.Equal("a {\n  # test.conf:2\n  b = 1\n}\n", rendered);
    }

    [Fact]
    public void ToHocon_UnquotedDurations_StayUnquoted()
        => Assert.Equal("timeout = 10s\nname = \"crawler/0.1\"\n", HoconRenderer.ToHocon(Resolve("timeout = 10s\nname = \"crawler/0.1\"")));

    [Fact]
    public void ToJsonWithOrigins_FlatPathsWithOrigin()
        => Assert.Equal(
            """{"a.b":{"value":1,"origin":"test.conf:1"}}""",
            Compact(HoconRenderer.ToJsonWithOrigins(Resolve("a.b = 1"))));
}
