using Crawler.Protocol;

namespace Crawler.Actors.Tests.Fetching;

internal sealed class TestFetchException(FetchErrorKind kind, string? message = null) : FetchException(message ?? $"injected {kind} failure")
{
    public override FetchErrorKind Kind { get; } = kind;
}
