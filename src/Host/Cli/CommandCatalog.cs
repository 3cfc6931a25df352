using Crawler.Host.Commands;

namespace Crawler.Host.Cli;

/// <summary>Every subcommand of <c>crawler</c>, in the order <c>--help</c> lists them. Register a new command here.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CrawlerCommand> Create() =>
    [
        new GetCommand(),
        new CrawlCommand(),
        new WarmCommand(),
        new LoadCommand(),
        new ConfigCommand(),
    ];
}
