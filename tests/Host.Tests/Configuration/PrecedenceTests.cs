using Crawler.Host.Configuration;
using Crawler.Host.Configuration.Hocon;

namespace Crawler.Host.Tests.Configuration;

public sealed class PrecedenceTests : IDisposable
{
    private const string Reference = "crawler {\n  http {\n    user-agent = ref\n    max-redirects = 10\n  }\n}\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("hocon-precedence-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static CrawlerConfiguration Load(
        IReadOnlyList<string>? files = null,
        Dictionary<string, string>? env = null,
        IReadOnlyList<string>? sets = null,
        IReadOnlyList<ConfigOverride>? flags = null)
        => CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest
        {
            ConfigFiles = files ?? [],
            Environment = env ?? [],
            Sets = sets ?? [],
            Overrides = flags ?? [],
        });

    private static string UserAgentOrigin(CrawlerConfiguration c) => c.Tree.GetValue("crawler.http.user-agent")!.Origin.ToString();

    [Fact]
    public void Load_ReferenceOnly_ComesFromReferenceConf()
    {
        var config = Load();
        Assert.Equal("crawler/0.1", config.Settings.Http.UserAgent);
        Assert.StartsWith("reference.conf:", UserAgentOrigin(config), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EachLayer_OverridesTheOneBelow()
    {
        var first = Write("first.conf", "crawler.http.user-agent = file1\ncrawler.http.max-redirects = 1\ncrawler.crawl.depth = 1");
        var second = Write("second.conf", "crawler.http.user-agent = file2\ncrawler.http.max-redirects = 2");
        var env = new Dictionary<string, string> { ["CRAWLER__HTTP__USER_AGENT"] = "env", ["CRAWLER__HTTP__MAX_REDIRECTS"] = "3" };

        Assert.Equal("file2", Load([first, second]).Settings.Http.UserAgent);
        Assert.Equal(1, Load([first, second]).Settings.Crawl.Depth);
        Assert.Equal("file1", Load([second, first]).Settings.Http.UserAgent);

        var withEnv = Load([first, second], env);
        Assert.Equal(("env", 3), (withEnv.Settings.Http.UserAgent, withEnv.Settings.Http.MaxRedirects));
        Assert.Equal("env CRAWLER__HTTP__USER_AGENT", UserAgentOrigin(withEnv));

        var withSet = Load([first, second], env, ["crawler.http.user-agent = \"set\""]);
        Assert.Equal("set", withSet.Settings.Http.UserAgent);
        Assert.Equal("flag --set crawler.http.user-agent", UserAgentOrigin(withSet));

        var withFlag = Load([first, second], env, ["crawler.http.user-agent=set"], [new ConfigOverride("crawler.http.user-agent", "flag", "--user-agent")]);
        Assert.Equal(("flag", 3), (withFlag.Settings.Http.UserAgent, withFlag.Settings.Http.MaxRedirects));
        Assert.Equal("flag --user-agent", UserAgentOrigin(withFlag));
    }

    [Fact]
    public void Load_FileOrigin_NamesFileAndLine()
    {
        var file = Write("user.conf", "# mine\ncrawler.http.user-agent = mine");
        Assert.Equal($"{file}:2", UserAgentOrigin(Load([file])));
    }

    [Fact]
    public void Load_UserFile_CanExtendReferenceValueBySelfReference()
    {
        var file = Write("user.conf", "crawler.http.user-agent = ${crawler.http.user-agent}\" (ops)\"");
        Assert.Equal("crawler/0.1 (ops)", Load([file]).Settings.Http.UserAgent);
    }

    [Fact]
    public void Load_UserFile_CanUseItsOwnVariablesAndEnvironment()
    {
        var file = Write("user.conf", "base-delay = 250ms\ncrawler.crawl.delay = ${base-delay}\ncrawler.crawl.output = ${?OUT_DIR}");
        var config = Load([file], new Dictionary<string, string> { ["OUT_DIR"] = "/tmp/out" });
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.Settings.Crawl.Delay);
        Assert.Equal("/tmp/out", config.Settings.Crawl.Output);
    }

    [Theory]
    [InlineData(500, "crawler.http.connect-timeout", "00:00:00.5000000")]
    [InlineData("2m", "crawler.http.connect-timeout", "00:02:00")]
    [InlineData("5 minutes", "crawler.http.connect-timeout", "00:05:00")]
    [InlineData("4MiB", "crawler.http.cache.max-entry-bytes", "4194304")]
    [InlineData("off", "crawler.http.cache.enabled", "false")]
    [InlineData(true, "crawler.http.insecure", "true")]
    public void Load_FlagValues_ConvertByPropertyType(object value, string path, string flattened)
    {
        var config = Load(flags: [new ConfigOverride(path, value, "--x")]);
        Assert.Equal(flattened, config.Configuration[path.Replace('.', ':')]);
    }

    [Fact]
    public void Load_TimeSpanFlag_BindsExactly()
        => Assert.Equal(
            TimeSpan.FromSeconds(7),
            Load(flags: [new ConfigOverride("crawler.http.idle-timeout", TimeSpan.FromSeconds(7), "--idle-timeout")]).Settings.Http.IdleTimeout);

    [Fact]
    public void Load_UnknownCrawlerKey_FailsWithFileAndLine()
    {
        var file = Write("typo.conf", "crawler {\n  http {\n    max-redirect = 3\n  }\n}");
        var error = Assert.Throws<HoconException>(() => Load([file]));
        Assert.Equal((file, 3), (error.Origin.Source, error.Origin.Line));
        Assert.Contains("unknown setting 'crawler.http.max-redirect'; did you mean 'crawler.http.max-redirects'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyFarFromAny_SuggestsListingInstead()
    {
        var file = Write("far.conf", "crawler.http.completely-unrelated-thing = 1");
        var error = Assert.Throws<HoconException>(() => Load([file]));
        Assert.Contains("run 'crawler config'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KeysOutsideCrawler_AreAllowedAsVariables()
        => Assert.Equal(4, Load([Write("vars.conf", "my-vars.n = 4\ncrawler.crawl.depth = ${my-vars.n}")]).Settings.Crawl.Depth);

    [Fact]
    public void Load_WrongType_FailsWithFileAndLine()
    {
        var file = Write("wrong.conf", "crawler.http.connect-timeout = soon");
        var error = Assert.Throws<HoconException>(() => Load([file]));
        Assert.Equal((file, 1), (error.Origin.Source, error.Origin.Line));
        Assert.Contains("expected a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Fails()
        => Assert.Contains("not found", Assert.Throws<HoconException>(() => Load([Path.Combine(_directory, "none.conf")])).Message, StringComparison.Ordinal);

    [Fact]
    public void Load_CustomReferenceText_IsTheBottomLayer()
    {
        var config = CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest { ReferenceText = Reference });
        Assert.Equal("ref", config.Settings.Http.UserAgent);
    }
}
