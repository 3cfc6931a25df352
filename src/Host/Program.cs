namespace Crawler.Host;

internal static class Program
{
    // Skeleton entry point; the CLI (System.CommandLine) is wired in by the `get` work.
    public static int Main(string[] args) => args.Length == 0 ? 0 : 2;
}
