using Crawler.Host.Cli;

namespace Crawler.Host.Tests.Cli;

public sealed class WorkerThreadsTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(0, 2, 1)]
    [InlineData(0, 8, 7)]
    [InlineData(3, 2, 3)]
    [InlineData(-1, 4, 3)]
    public void Resolve_AutomaticLeavesACore_ExplicitIsKept(int configured, int cores, int expected)
        => Assert.Equal(expected, WorkerThreads.Resolve(configured, cores));

    [Fact]
    public void Environment_OnlyTheRealProcessMaySizeTheThreadPool()
    {
        Assert.True(CliEnvironment.FromProcess().OwnsProcess);
        Assert.False(new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null }.OwnsProcess);
    }
}
