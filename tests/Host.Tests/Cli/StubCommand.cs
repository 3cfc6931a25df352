using Crawler.Host.Cli;

namespace Crawler.Host.Tests.Cli;

/// <summary>A command whose body the test supplies, to exercise the framework's exit-code mapping.</summary>
internal sealed class StubCommand(Func<CommandContext, CancellationToken, Task<int>> body) : CrawlerCommand
{
    public override string Name => "stub";

    public override string Description => "A test command.";

    public CommandContext? Context { get; private set; }

    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        Context = context;
        return body(context, cancellationToken);
    }
}
