using Crawler.Host.Configuration.Hocon;
using static Crawler.Host.Tests.Configuration.HoconTestHelper;

namespace Crawler.Host.Tests.Configuration;

public sealed class HoconParserTests
{
    [Theory]
    [InlineData("a = 1", """{"a":1}""")]
    [InlineData("a : 1", """{"a":1}""")]
    [InlineData("a { b = 1 }", """{"a":{"b":1}}""")]
    [InlineData("{ a = 1 }", """{"a":1}""")]
    [InlineData("a = 1, b = 2,", """{"a":1,"b":2}""")]
    [InlineData("a = 1\nb = 2\n\n", """{"a":1,"b":2}""")]
    [InlineData("# comment\na = 1 // trailing\nb = 2 # another", """{"a":1,"b":2}""")]
    [InlineData("a = [1, 2, 3,]", """{"a":[1,2,3]}""")]
    [InlineData("a = [\n  1\n  2\n]", """{"a":[1,2]}""")]
    [InlineData("a = true, b = false, c = null", """{"a":true,"b":false,"c":null}""")]
    [InlineData("a = -1.5e3", """{"a":-1.5e3}""")]
    [InlineData("a = \"http://example.com/x\"", """{"a":"http://example.com/x"}""")]
    [InlineData("a = x // http: needs quotes, // starts a comment", """{"a":"x"}""")]
    public void Parse_BasicSyntax_ProducesJsonEquivalent(string hocon, string json)
        => Assert.Equal(json, Json(hocon));

    [Theory]
    [InlineData("a.b.c = 1", """{"a":{"b":{"c":1}}}""")]
    [InlineData("\"a.b\".c = 1", """{"a.b":{"c":1}}""")]
    [InlineData("a.\"b.c\" = 1", """{"a":{"b.c":1}}""")]
    [InlineData("foo bar = 1", """{"foo bar":1}""")]
    [InlineData("10.0foo = 1", """{"10":{"0foo":1}}""")]
    [InlineData("a.b = 1, a.c = 2", """{"a":{"b":1,"c":2}}""")]
    public void Parse_PathExpressionKeys_NestObjects(string hocon, string json)
        => Assert.Equal(json, Json(hocon));

    [Theory]
    [InlineData("a = \"tab\\there\"", "tab\there")]
    [InlineData("a = \"quote\\\" slash\\\\ \\u0041\"", "quote\" slash\\ A")]
    [InlineData("a = \"\"\"raw \\n \"quoted\" text\"\"\"", "raw \\n \"quoted\" text")]
    [InlineData("a = \"\"\"x\"\"\"\"", "x\"")]
    [InlineData("a = foo bar  baz", "foo bar  baz")]
    [InlineData("a = \"foo\" bar", "foo bar")]
    [InlineData("a = 1 2 3", "1 2 3")]
    [InlineData("a = true maybe", "true maybe")]
    public void Parse_Strings_DecodeAndConcatenate(string hocon, string expected)
        => Assert.Equal(expected, Resolve(hocon).GetString("a"));

    [Fact]
    public void Parse_TripleQuotedAcrossLines_KeepsNewlinesAndLineNumbers()
    {
        var root = HoconParser.Parse("a = \"\"\"line1\nline2\"\"\"\nb = ${nope}", "t.conf");
        var error = Assert.Throws<HoconException>(() => HoconResolver.Resolve(root));
        Assert.Equal(3, error.Origin.Line);
    }

    [Fact]
    public void Merge_DuplicateObjects_MergeKeyByKey()
        => Assert.Equal("""{"foo":{"a":42,"c":5,"b":43}}""", Json("foo { a = 42, c = 5 }\nfoo { b = 43 }"));

    [Fact]
    public void Merge_NonObjectBetween_ResetsEarlierObject()
        => Assert.Equal("""{"foo":{"b":43}}""", Json("foo { a = 42 }, foo = null, foo { b = 43 }"));

    [Fact]
    public void Merge_LaterScalar_Wins()
        => Assert.Equal("""{"a":2}""", Json("a = 1\na = 2"));

    [Theory]
    [InlineData("a = [1, 2] [3, 4]", """{"a":[1,2,3,4]}""")]
    [InlineData("a = { x = 1 } { y = 2 }", """{"a":{"x":1,"y":2}}""")]
    [InlineData("a = { x = 1 } { x = 2 }", """{"a":{"x":2}}""")]
    public void Concatenation_ListsAndObjects_Combine(string hocon, string json)
        => Assert.Equal(json, Json(hocon));

    [Fact]
    public void Substitution_ToOtherPath_ResolvesAgainstWholeTree()
        => Assert.Equal("""{"a":{"b":1},"c":1,"d":{"b":1}}""", Json("a.b = 1\nc = ${a.b}\nd = ${a}"));

    [Fact]
    public void Substitution_SpecExample_SeesLaterOverride()
        => Assert.Equal(43, Resolve("bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }").GetInt32("bar.baz"));

    [Fact]
    public void Substitution_InStringConcatenation_JoinsWithWhitespace()
        => Assert.Equal("crawler/0.1 (ops)", Resolve("ua = \"crawler/0.1\"\nfull = ${ua} \"(ops)\"").GetString("full"));

    [Fact]
    public void Substitution_ObjectInheritance_MergesDefaults()
        => Assert.Equal(
            """{"defaults":{"a":1,"b":1},"x":{"a":1,"b":2}}""",
            Json("defaults { a = 1, b = 1 }\nx = ${defaults} { b = 2 }"));

    [Fact]
    public void SelfReference_StringPath_AppendsToEarlierValue()
        => Assert.Equal("/bin:/usr/bin", Resolve("path = \"/bin\"\npath = ${path}\":/usr/bin\"").GetString("path"));

    [Fact]
    public void SelfReference_List_AppendsToEarlierValue()
        => Assert.Equal("""{"a":[1,2,3]}""", Json("a = [1, 2]\na = ${a} [3]"));

    [Fact]
    public void PlusEquals_ExistingList_Appends()
        => Assert.Equal("""{"a":[1,2]}""", Json("a = [1]\na += 2"));

    [Fact]
    public void PlusEquals_NoEarlierValue_StartsList()
        => Assert.Equal("""{"a":["x"]}""", Json("a += x"));

    [Fact]
    public void SelfReference_NestedObjectField_SeesEarlierValue()
        => Assert.Equal("""{"a":{"b":"1x"}}""", Json("a { b = 1 }\na { b = ${a.b}x }"));

    [Fact]
    public void SelfReference_WithoutEarlierValue_FailsNamingSubstitution()
    {
        var error = Assert.Throws<HoconException>(() => Resolve("a = ${a} x"));
        Assert.Contains("${a}", error.Message, StringComparison.Ordinal);
        Assert.Contains("no earlier value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_Cycle_FailsListingTheChain()
    {
        var error = Assert.Throws<HoconException>(() => Resolve("a = ${b}\nb = ${c}\nc = ${a}"));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("a -> b -> c -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalSubstitution_Missing_LeavesFieldUnset()
        => Assert.Equal("""{"b":1}""", Json("a = ${?missing}\nb = 1"));

    [Fact]
    public void OptionalSubstitution_Missing_KeepsEarlierValue()
        => Assert.Equal(10, Resolve("foo = 10\nfoo = ${?bar}").GetInt32("foo"));

    [Fact]
    public void Substitution_MissingFromTree_FallsBackToEnvironment()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = "/home/me" };
        Assert.Equal("/home/me/.crawler", Resolve("dir = ${HOME}/.crawler", environment).GetString("dir"));
        Assert.Equal("/home/me", Resolve("dir = ${?HOME}", environment).GetString("dir"));
    }

    [Fact]
    public void Substitution_TreeValue_BeatsEnvironment()
        => Assert.Equal("tree", Resolve("HOME = tree\nx = ${HOME}", new Dictionary<string, string> { ["HOME"] = "env" }).GetString("x"));

    [Fact]
    public void Substitution_RequiredMissing_FailsWithPosition()
    {
        var error = Assert.Throws<HoconException>(() => Resolve("a = 1\nb = ${nope.here}"));
        Assert.Equal(new HoconOrigin("test.conf", 2, 5), error.Origin);
        Assert.StartsWith("test.conf:2:5: could not resolve substitution ${nope.here}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = {", 1, 6, "expected '}'")]
    [InlineData("a = [1,,2]", 1, 8, "expected a value or ']'")]
    [InlineData("a = \"open", 1, 5, "unterminated quoted string")]
    [InlineData("a b c", 1, 6, "expected '=', ':', '+=' or '{'")]
    [InlineData("a = 1 }", 1, 7, "no matching '{'")]
    [InlineData("x = 1\na = ${", 2, 5, "unterminated substitution")]
    [InlineData("x = 1\n\n  a = $b", 3, 7, "found '$' alone")]
    [InlineData("a = 1 = 2", 1, 7, "expected ',', a new line or '}'")]
    [InlineData(", a = 1", 1, 1, "no field before it")]
    [InlineData("a..b = 1", 1, 1, "empty path element")]
    [InlineData("a = \"\\q\"", 1, 6, "bad escape")]
    [InlineData("[1, 2]", 1, 1, "root of a configuration is a list")]
    [InlineData("a = [1, 2", 1, 10, "expected ']'")]
    [InlineData("a = { x = 1 } foo", 1, 5, "cannot concatenate an object")]
    [InlineData("a + 1", 1, 3, "'+' alone")]
    public void Parse_SyntaxError_ReportsLineColumnAndExpectation(string hocon, int line, int column, string expected)
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse(hocon, "bad.conf"));
        Assert.Equal("bad.conf", error.Origin.Source);
        Assert.Equal((line, column), (error.Origin.Line, error.Origin.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.conf:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Values_RememberOrigin()
    {
        var root = Resolve("# header\n\nserver {\n  port = 8080\n}");
        Assert.Equal(new HoconOrigin("test.conf", 4, 10), root.GetValue("server.port")!.Origin);
        Assert.Equal("test.conf:4", root.GetValue("server.port")!.Origin.ToString());
    }

    [Theory]
    [InlineData("bar { foo = 42 }\nbar = ${bar}", """{"bar":{"foo":42}}""")]
    [InlineData("foo { a = 1 }\nfoo = ${foo.a}", """{"foo":1}""")]
    [InlineData("a = [${b}, 2]\nb = 1", """{"a":[1,2],"b":1}""")]
    [InlineData("a = [${?nope}, 2]", """{"a":[2]}""")]
    [InlineData("x = ${\"a b\".c}\n\"a b\".c = 3", """{"x":3,"a b":{"c":3}}""")]
    [InlineData("a = ${b}\na { y = 2 }\nb { x = 1 }", """{"a":{"x":1,"y":2},"b":{"x":1}}""")]
    [InlineData("a { x = 1 }\na = ${?nope}", """{"a":{"x":1}}""")]
    [InlineData("s = ${?nope} tail", """{"s":" tail"}""")]
    public void Substitution_SpecCorners_Resolve(string hocon, string json)
        => Assert.Equal(json, Json(hocon));
}
