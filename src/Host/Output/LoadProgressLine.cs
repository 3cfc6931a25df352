using Crawler.Actors.Load;

namespace Crawler.Host.Output;

/// <summary>
/// The line <c>crawler load</c> rewrites in place on a terminal once a second, e.g. for <c>-d 10s</c> in 80 columns:
/// <code>  ██████████░░░░░░░░░░   50%   5s/10s    12345 req/s  p99   1.23ms  errors 0</code>
/// and for <c>-n 500000</c>: <c>  ███░░░░░░░   36%  180000/500000 req    48213 req/s  p99   1.87ms  errors 0</c>.
/// The figures are those of the last complete second; a run with no known bound gets them without a bar.
/// </summary>
internal static class LoadProgressLine
{
    private const string Indent = "  ";
    private const string Gap = "  ";

    // Narrower, a bar says too little to be worth the columns; wider, it only pushes the figures away from it.
    private const int MinBarCells = 8;
    private const int MaxBarCells = 40;

    // Columns kept for the error count, so the bar's length holds steady as the count changes; a wider count shortens the bar.
    private const int ErrorsWidth = 4;

    /// <summary>
    /// The line, exactly <paramref name="width"/> - 1 visible columns: one short of the edge, so the cursor never
    /// reaches the last column (where many terminals wrap), and padded with spaces so it covers the previous line.
    /// ANSI colour codes are added only when <paramref name="color"/> is set and do not count towards the width.
    /// </summary>
    public static string Render(LoadProgress progress, LoadProgressBound? bound, string rateUnit, int width, bool color)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var columns = (width > 0 ? width : TerminalWidth.Fallback) - 1;
        var figures = Figures(progress, rateUnit);
        var errors = LoadUnits.Number(progress.ErrorsLastSecond, "0");
        var errorColor = progress.ErrorsLastSecond > 0 ? AnsiColor.Red : null;

        // The count ends the line, so it is padded after, where the padding is invisible (and is never painted red).
        var errorsPadding = new string(' ', Math.Max(0, ErrorsWidth - errors.Length));

        if (bound is null)
        {
            var elapsed = LoadUnits.Number(progress.Elapsed.TotalSeconds, "0") + "s";
            return Fit(columns, color, (Indent + elapsed + Gap + figures, null), (errors, errorColor), (errorsPadding, null));
        }

        var fraction = bound.Fraction(progress);
        var afterBar = Gap + $"{ProgressBar.Percent(fraction),3}%" + Gap + bound.Position(progress) + Gap + figures;
        var barCells = Math.Min(MaxBarCells, columns - Indent.Length - afterBar.Length - errors.Length - errorsPadding.Length);
        if (barCells < MinBarCells)
        {
            // Too narrow for a useful bar: keep the percentage, drop the bar and its leading gap.
            return Fit(columns, color, (Indent + afterBar[Gap.Length..], null), (errors, errorColor), (errorsPadding, null));
        }

        var filled = ProgressBar.FilledCells(fraction, barCells);
        return Fit(
            columns,
            color,
            (Indent, null),
            (new string(ProgressBar.FilledCell, filled), AnsiColor.Green),
            (new string(ProgressBar.EmptyCell, barCells - filled), AnsiColor.Grey),
            (afterBar, null),
            (errors, errorColor),
            (errorsPadding, null));
    }

    /// <summary>Rate, p99 and errors label, padded to fixed widths so the bar keeps its length from second to second.</summary>
    private static string Figures(LoadProgress progress, string rateUnit)
        => $"{progress.OperationsLastSecond,7} {rateUnit}" + Gap + $"p99 {LoadUnits.Duration(progress.P99NanosecondsLastSecond),8}" + Gap + "errors ";

    /// <summary>Joins the pieces, cut or padded with spaces to exactly <paramref name="columns"/>, each in its colour.</summary>
    private static string Fit(int columns, bool color, params ReadOnlySpan<(string Text, string? Color)> pieces)
    {
        var line = new System.Text.StringBuilder();
        var left = columns;
        foreach (var (text, pieceColor) in pieces)
        {
            var shown = text.Length <= left ? text : text[..Math.Max(0, left)];
            line.Append(AnsiColor.Paint(shown, pieceColor, color));
            left -= shown.Length;
        }

        return line.Append(' ', Math.Max(0, left)).ToString();
    }
}
