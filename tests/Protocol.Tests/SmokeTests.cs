namespace Crawler.Protocol.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Assembly_Loads_UnderTest() => Assert.NotNull(typeof(SmokeTests).Assembly);
}
