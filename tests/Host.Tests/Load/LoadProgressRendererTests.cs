using System.Text.RegularExpressions;
using Crawler.Actors.Load;
using Crawler.Host.Output;
using Crawler.Protocol.Urls;
using Crawler.TestSupport.Actors;
using Microsoft.Extensions.Logging;

namespace Crawler.Host.Tests.Load;

/// <summary>The live line of `crawler load`: the bar, its fit to the terminal, colour, and the piped log. No clocks.</summary>
public sealed partial class LoadProgressRendererTests
{
    private const char Filled = ProgressBar.FilledCell;
    private const char Empty = ProgressBar.EmptyCell;
    private static readonly LoadProgressBound TenSeconds = new LoadProgressBound.ByDuration(TimeSpan.FromSeconds(10));
    private static readonly LoadProgressBound ThousandRequests = new LoadProgressBound.ByCount(1000, "req");

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 10)]
    [InlineData(0.999, 19)]
    [InlineData(1.0, 20)]
    [InlineData(1.7, 20)]
    [InlineData(-0.2, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 20)]
    public void FilledCells_Fraction_IsClampedAndRoundedDown(double fraction, int expected)
        => Assert.Equal(expected, ProgressBar.FilledCells(fraction, 20));

    [Theory]
    [InlineData(0, "  0%", 0)]
    [InlineData(5, " 50%", 50)]
    [InlineData(10, "100%", 100)]
    [InlineData(12, "100%", 100)]
    public void Line_DurationBound_FillsWithElapsedOverDurationClampedAtFull(int elapsedSeconds, string percent, int filledPercent)
    {
        var line = LoadProgressLine.Render(Progress(elapsedSeconds, soFar: 999_999), TenSeconds, "req/s", 120, color: false);

        var (filled, empty) = BarCells(line);
        Assert.Equal(filledPercent, filled * 100 / (filled + empty));
        Assert.Contains(percent, line, StringComparison.Ordinal);
        Assert.Contains($"{elapsedSeconds,2}s/10s", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "   0/1000 req", 0)]
    [InlineData(500, " 500/1000 req", 50)]
    [InlineData(1000, "1000/1000 req", 100)]
    [InlineData(1500, "1500/1000 req", 100)]
    public void Line_CountBound_FillsWithOperationsSoFarOverTotalWhateverTheClock(long soFar, string position, int filledPercent)
    {
        var line = LoadProgressLine.Render(Progress(elapsedSeconds: 1, soFar: soFar), ThousandRequests, "req/s", 120, color: false);

        var (filled, empty) = BarCells(line);
        Assert.Equal(filledPercent, filled * 100 / (filled + empty));
        Assert.Contains(position, line, StringComparison.Ordinal);
        Assert.DoesNotContain("1s", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_ShowsLastSecondsRateP99AndErrorsInLoadUnits()
    {
        var line = LoadProgressLine.Render(Progress(5, operations: 12345, errors: 7, p99: 1_234_567), TenSeconds, "req/s", 120, color: false);

        Assert.Matches(@"12345 req/s\s+p99\s+1\.23ms\s+errors 7\s*$", line);
    }

    [Fact]
    public void Line_NoBound_ShowsElapsedAndFiguresWithoutBar()
    {
        var line = LoadProgressLine.Render(Progress(3, operations: 42), bound: null, "pages/s", 80, color: false);

        Assert.DoesNotContain(Filled, line);
        Assert.DoesNotContain(Empty, line);
        Assert.DoesNotContain("%", line, StringComparison.Ordinal);
        Assert.Matches(@"^  3s\s+42 pages/s\s+p99", line);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(200)]
    [InlineData(120)]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(40)]
    [InlineData(10)]
    [InlineData(1)]
    public void Line_AnyWidth_IsExactlyOneShortOfTheEdge(int width)
    {
        foreach (var bound in new[] { TenSeconds, ThousandRequests, null })
        {
            var line = LoadProgressLine.Render(Progress(5, soFar: 500), bound, "req/s", width, color: true);

            Assert.Equal(width - 1, StripAnsi(line).Length);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Line_UnknownWidth_FallsBackToEighty(int width)
        => Assert.Equal(TerminalWidth.Fallback - 1, LoadProgressLine.Render(Progress(5), TenSeconds, "req/s", width, color: false).Length);

    [Fact]
    public void Line_WideTerminal_CapsTheBarAndNarrowTerminal_DropsItButKeepsThePercentage()
    {
        var wide = BarCells(LoadProgressLine.Render(Progress(5), TenSeconds, "req/s", 1000, color: false));
        var medium = BarCells(LoadProgressLine.Render(Progress(5), TenSeconds, "req/s", 80, color: false));
        var narrow = LoadProgressLine.Render(Progress(5), TenSeconds, "req/s", 60, color: false);

        Assert.Equal(40, wide.Filled + wide.Empty);
        Assert.InRange(medium.Filled + medium.Empty, 10, 39);
        Assert.Equal(0, BarCells(narrow).Filled + BarCells(narrow).Empty);
        Assert.StartsWith("   50%   5s/10s", narrow, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_ColourOff_HasNoAnsiEscapesEvenWithErrors()
    {
        foreach (var bound in new[] { TenSeconds, ThousandRequests, null })
        {
            var line = LoadProgressLine.Render(Progress(5, soFar: 500, errors: 3), bound, "req/s", 120, color: false);

            Assert.DoesNotContain('\u001b', line);
        }
    }

    [Fact]
    public void Line_ColourOn_PaintsBarAndErrorsAndOtherwiseMatchesThePlainLine()
    {
        var progress = Progress(5, errors: 3);
        var colored = LoadProgressLine.Render(progress, TenSeconds, "req/s", 120, color: true);
        var plain = LoadProgressLine.Render(progress, TenSeconds, "req/s", 120, color: false);

        Assert.Contains(AnsiColor.Green + Filled, colored, StringComparison.Ordinal);
        Assert.Contains(AnsiColor.Grey + Empty, colored, StringComparison.Ordinal);
        Assert.Contains(AnsiColor.Red + "3", colored, StringComparison.Ordinal);
        Assert.Equal(plain, StripAnsi(colored));
    }

    [Fact]
    public void Line_ColourOnWithoutErrors_LeavesTheErrorCountUnpainted()
        => Assert.DoesNotContain(AnsiColor.Red, LoadProgressLine.Render(Progress(5), TenSeconds, "req/s", 120, color: true), StringComparison.Ordinal);

    [Fact]
    public void Bound_ForOptions_CountWinsOverDurationAndPagesAreCountedAsPages()
    {
        var url = Url.Parse("http://127.0.0.1/");

        Assert.Equal(new LoadProgressBound.ByDuration(TimeSpan.FromSeconds(7)), LoadProgressBound.For(new LoadOptions { Target = url, Duration = TimeSpan.FromSeconds(7) }));
        Assert.Equal(new LoadProgressBound.ByCount(50, "req"), LoadProgressBound.For(new LoadOptions { Target = url, Requests = 50 }));
        Assert.Equal(new LoadProgressBound.ByCount(50, "pages"), LoadProgressBound.For(new LoadOptions { Target = url, Requests = 50, Page = true }));
        Assert.Null(LoadProgressBound.For(new LoadOptions { Target = url, Duration = TimeSpan.Zero }));
    }

    [Fact]
    public void Renderer_Terminal_RewritesOneLineInPlaceAtTheCurrentWidthAndFinishEndsIt()
    {
        using var error = new StringWriter();
        using var logs = new CapturingLoggerFactory();
        var widths = new Queue<int>([100, 70]);
        var renderer = new LoadProgressRenderer(error, redirected: false, logs.CreateLogger("load"), LoadModel.Closed, TenSeconds, color: false, widths.Dequeue);

        renderer.Report(Progress(1));
        renderer.Report(Progress(2));
        renderer.Finish();

        var frames = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\r", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, frames.Length);
        Assert.Equal(99, frames[0].Length);
        Assert.Equal(69 + Environment.NewLine.Length, frames[1].Length);
        Assert.EndsWith(Environment.NewLine, frames[1], StringComparison.Ordinal);
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void Renderer_FinishWithoutAnyLine_WritesNothing()
    {
        using var error = new StringWriter();
        using var logs = new CapturingLoggerFactory();
        var renderer = new LoadProgressRenderer(error, redirected: false, logs.CreateLogger("load"), LoadModel.Closed, TenSeconds, color: true, () => 80);

        renderer.Finish();

        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Renderer_Redirected_LogsOnePlainLinePerReportAndWritesNoBar()
    {
        using var error = new StringWriter();
        using var logs = new CapturingLoggerFactory();
        var renderer = new LoadProgressRenderer(error, redirected: true, logs.CreateLogger("load"), LoadModel.Page, ThousandRequests, color: true, () => 80);

        renderer.Report(Progress(1, operations: 10, p99: 2_500_000, soFar: 10));
        renderer.Report(Progress(2, operations: 20, errors: 1, p99: 1_500_000, soFar: 30));
        renderer.Report(Progress(3, operations: 30, p99: 500_000, soFar: 60));
        renderer.Finish();

        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(
            ["1s: 10 pages/s, p99 2.50ms, 0 errors", "2s: 20 pages/s, p99 1.50ms, 1 errors", "3s: 30 pages/s, p99 500.00us, 0 errors"],
            logs.Entries.Select(e => e.Message));
        Assert.All(logs.Entries, e => Assert.Equal(LogLevel.Information, e.Level));
    }

    private static LoadProgress Progress(int elapsedSeconds, long operations = 1000, long errors = 0, long p99 = 2_000_000, long soFar = 0)
        => new(TimeSpan.FromSeconds(elapsedSeconds), operations, errors, p99, soFar);

    private static (int Filled, int Empty) BarCells(string line)
        => (line.Count(c => c == Filled), line.Count(c => c == Empty));

    private static string StripAnsi(string text) => AnsiEscape().Replace(text, string.Empty);

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
