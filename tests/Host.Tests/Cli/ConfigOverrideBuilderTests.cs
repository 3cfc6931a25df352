using System.CommandLine;
using Crawler.Host.Cli;

namespace Crawler.Host.Tests.Cli;

public sealed class ConfigOverrideBuilderTests
{
    private sealed class CrawlLikeCommand : CrawlerCommand
    {
        private readonly Option<int> _depth = new("--depth") { DefaultValueFactory = _ => 99 };
        private readonly Option<string?> _delay = new("--delay");
        private readonly Option<bool> _noCache = new("--no-cache");

        public override string Name => "crawl-like";

        public override string Description => "test";

        public Crawler.Host.Configuration.CrawlerSettings? Settings { get; private set; }

        public override void Configure(Command command)
        {
            command.Add(_depth);
            command.Add(_delay);
            command.Add(_noCache);
        }

        public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
        {
            var flags = new ConfigOverrideBuilder(context.ParseResult)
                .Add(_depth, "crawler.crawl.depth")
                .Add(_delay, "crawler.crawl.delay")
                .Add(_noCache, "crawler.http.cache.enabled", noCache => !noCache)
                .Build();
            Settings = context.LoadConfiguration(flags).Settings;
            return Task.FromResult(0);
        }
    }

    [Fact]
    public async Task Build_FlagsNotTyped_LeaveLowerLayersAlone()
    {
        var command = new CrawlLikeCommand();
        await CliHarness.RunAsync(["crawl-like"], new() { ["CRAWLER__CRAWL__DEPTH"] = "3" }, [command]);
        Assert.Equal(3, command.Settings!.Crawl.Depth);
        Assert.True(command.Settings.Http.Cache.Enabled);
    }

    [Fact]
    public async Task Build_TypedFlags_BeatEnvironmentAndConvert()
    {
        var command = new CrawlLikeCommand();
        await CliHarness.RunAsync(["crawl-like", "--depth", "1", "--delay", "2s", "--no-cache"], new() { ["CRAWLER__CRAWL__DEPTH"] = "3" }, [command]);
        Assert.Equal(1, command.Settings!.Crawl.Depth);
        Assert.Equal(TimeSpan.FromSeconds(2), command.Settings.Crawl.Delay);
        Assert.False(command.Settings.Http.Cache.Enabled);
    }
}
