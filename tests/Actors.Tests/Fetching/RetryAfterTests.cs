using Crawler.Actors.Fetching;

namespace Crawler.Actors.Tests.Fetching;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData(" 120 ", 120)]
    [InlineData("Mon, 23 Nov 2026 12:00:30 GMT", 30)]
    [InlineData("Mon, 23 Nov 2026 11:00:00 GMT", 0)]
    [InlineData("99999999999", 86400)]
    public void Parse_ValidValue_GivesDelay(string value, int expectedSeconds)
        => Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfter.Parse(value, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("1.5")]
    public void Parse_InvalidValue_GivesNull(string? value) => Assert.Null(RetryAfter.Parse(value, Now));
}
