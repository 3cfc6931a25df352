using Crawler.Host.Cli;

namespace Crawler.Host.Tests.Cli;

internal sealed record CliRun(int ExitCode, string Out, string Error);

internal static class CliHarness
{
    public static async Task<CliRun> RunAsync(
        string[] args,
        Dictionary<string, string>? environment = null,
        IReadOnlyList<CrawlerCommand>? commands = null,
        CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliEnvironment
        {
            Out = output,
            Error = error,
            Variables = environment ?? [],
            IsErrorRedirected = true,
        };
        var exitCode = await CliApplication.RunAsync(args, cli, handleSignals: false, commands, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
