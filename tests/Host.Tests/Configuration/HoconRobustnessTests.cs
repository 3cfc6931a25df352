using Crawler.Host.Configuration;
using Crawler.Host.Configuration.Hocon;

namespace Crawler.Host.Tests.Configuration;

/// <summary>Whatever the input, the parser either succeeds or throws <see cref="HoconException"/> with a position.</summary>
public sealed class HoconRobustnessTests
{
    private static readonly string Sample =
        CrawlerConfigurationLoader.ReadEmbeddedReference()
        + "\nx = ${crawler.http} { y = [1, 2] [3] }\nz = \"\"\"tri\nple\"\"\" ${?x.y}\nw += \"q\\u0041\"\ninclude \"none.conf\"\n";

    private static void ParseAndResolve(string text)
    {
        try
        {
            HoconResolver.Resolve(HoconParser.Parse(text, "fuzz.conf", Path.GetTempPath()));
        }
        catch (HoconException e)
        {
            Assert.StartsWith("fuzz.conf", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_EveryPrefixOfASample_SucceedsOrThrowsHoconException()
    {
        for (var length = 0; length <= Sample.Length; length += 11)
        {
            ParseAndResolve(Sample[..length]);
        }
    }

    [Fact]
    public void Parse_RandomCharacterMutations_SucceedOrThrowHoconException()
    {
        const string Specials = "{}[],:=+$\"#/\\?.\n \t`^!@*&()x1";
        var random = new Random(20261123);
        for (var i = 0; i < 500; i++)
        {
            var chars = Sample.ToCharArray();
            for (var m = 0; m < 3; m++)
            {
                chars[random.Next(chars.Length)] = Specials[random.Next(Specials.Length)];
            }

            ParseAndResolve(new string(chars));
        }
    }
}
