using Crawler.Host.Configuration.Hocon;
using static Crawler.Host.Tests.Configuration.HoconTestHelper;

namespace Crawler.Host.Tests.Configuration;

public sealed class HoconIncludeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hocon-include-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Include_RelativeToIncludingFile_MergesFields()
    {
        Write("conf/common.conf", "a = 1\nshared { x = 1 }");
        var main = Write("conf/main.conf", "include \"common.conf\"\nb = 2\nshared { y = 2 }");
        var root = HoconResolver.Resolve(HoconParser.ParseFile(main));
        Assert.Equal("""{"a":1,"shared":{"x":1,"y":2},"b":2}""", Compact(HoconRenderer.ToJson(root)));
    }

    [Fact]
    public void Include_FileSyntaxAndNestedFolder_Works()
    {
        Write("sub/inner.conf", "include file(\"deeper.conf\")\nv = ${?w}");
        Write("sub/deeper.conf", "w = 7");
        var main = Write("main.conf", "include file(\"sub/inner.conf\")");
        Assert.Equal(7, HoconResolver.Resolve(HoconParser.ParseFile(main)).GetInt32("v"));
    }

    [Fact]
    public void Include_LaterKeysInIncludingFile_Override()
    {
        Write("defaults.conf", "a = 1\nb = 1");
        var main = Write("main.conf", "include \"defaults.conf\"\nb = 2");
        var root = HoconResolver.Resolve(HoconParser.ParseFile(main));
        Assert.Equal((1, 2), (root.GetInt32("a"), root.GetInt32("b")));
    }

    [Fact]
    public void Include_InsideObject_ReRootsSubstitutions()
    {
        Write("part.conf", "x = 1\ny = ${x}");
        var main = Write("main.conf", "section { include \"part.conf\" }");
        Assert.Equal(1, HoconResolver.Resolve(HoconParser.ParseFile(main)).GetInt32("section.y"));
    }

    [Fact]
    public void Include_MissingOptionalFile_IsIgnored()
        => Assert.Equal(1, Resolve("include \"nope.conf\"\na = 1", baseDirectory: _directory).GetInt32("a"));

    [Fact]
    public void Include_MissingRequiredFile_FailsWithPosition()
    {
        var error = Assert.Throws<HoconException>(() => Resolve("a = 1\ninclude required(file(\"nope.conf\"))", baseDirectory: _directory));
        Assert.Equal(2, error.Origin.Line);
        Assert.Contains("'nope.conf' not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_Cycle_FailsInsteadOfRecursingForever()
    {
        Write("a.conf", "include \"b.conf\"");
        var b = Write("b.conf", "include \"a.conf\"");
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(b));
        Assert.Contains($"deeper than {HoconParser.MaxIncludeDepth}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ErrorInIncludedFile_NamesThatFile()
    {
        var bad = Write("bad.conf", "a = 1\nb = [");
        var error = Assert.Throws<HoconException>(() => Resolve("include \"bad.conf\"", baseDirectory: _directory));
        Assert.Equal(bad, Path.GetFullPath(error.Origin.Source));
        Assert.Equal(2, error.Origin.Line);
    }

    [Fact]
    public void Include_AsQuotedKey_IsAnOrdinaryField()
        => Assert.Equal(1, Resolve("\"include\" = 1").GetInt32("include"));
}
