using Crawler.Host.Cli;

namespace Crawler.Host;

internal static class Program
{
    public static Task<int> Main(string[] args) => CliApplication.RunAsync(args, CliEnvironment.FromProcess(), handleSignals: true);
}
