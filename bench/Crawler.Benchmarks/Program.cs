using BenchmarkDotNet.Running;

namespace Crawler.Benchmarks;

internal static class Program
{
    // `dotnet run -c Release --project bench/Crawler.Benchmarks -- --filter '*'` runs every suite.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
