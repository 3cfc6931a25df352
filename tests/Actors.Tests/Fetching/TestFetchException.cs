using Crawler.Protocol;

namespace Crawler.Actors.Tests.Fetching;

internal sealed class TestFetchException(FetchErrorKind kind) : FetchException($"injected {kind} failure")
{
    public override FetchErrorKind Kind { get; } = kind;
}
