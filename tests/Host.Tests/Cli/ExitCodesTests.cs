using Crawler.Host.Output;
using Crawler.Protocol;

namespace Crawler.Host.Tests.Cli;

public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(FetchErrorKind.InvalidUrl, 2)]
    [InlineData(FetchErrorKind.Network, 3)]
    [InlineData(FetchErrorKind.Timeout, 5)]
    [InlineData(FetchErrorKind.Protocol, 4)]
    [InlineData(FetchErrorKind.Content, 4)]
    [InlineData(FetchErrorKind.Redirect, 4)]
    [InlineData(FetchErrorKind.LocalFile, 6)]
    public void FromFetchErrorKind_EachKind_MapsToDocumentedCode(FetchErrorKind kind, int code)
        => Assert.Equal(code, ExitCodes.FromFetchErrorKind(kind));

    [Fact]
    public void FromFetchErrorKind_EveryKind_IsMapped()
    {
        foreach (var kind in Enum.GetValues<FetchErrorKind>())
        {
            Assert.InRange(ExitCodes.FromFetchErrorKind(kind), 1, 6);
        }
    }

    [Fact]
    public void Description_ListsEveryCode()
    {
        foreach (var code in new[] { ExitCodes.Ok, ExitCodes.HttpFailure, ExitCodes.Usage, ExitCodes.Network, ExitCodes.Protocol, ExitCodes.Timeout, ExitCodes.LocalError, ExitCodes.InternalError, ExitCodes.Interrupted })
        {
            Assert.Contains($"\n  {code} ", "\n" + ExitCodes.Description, StringComparison.Ordinal);
        }
    }
}
