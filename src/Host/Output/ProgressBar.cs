namespace Crawler.Host.Output;

/// <summary>
/// The arithmetic of a bar of block characters such as <c>██████░░░░</c> (60 % over 10 cells). Plain characters, so the
/// bar reads the same without colour; <see cref="LoadProgressLine"/> lays it out and colours it.
/// </summary>
internal static class ProgressBar
{
    public const char FilledCell = '█';
    public const char EmptyCell = '░';

    /// <summary>
    /// Cells to fill for <paramref name="fraction"/> (0..1) of <paramref name="cells"/>. Out-of-range fractions are
    /// clamped: the last tick of a timed run lands a little after its end. Rounded down so a full bar means done.
    /// </summary>
    public static int FilledCells(double fraction, int cells)
    {
        if (cells <= 0 || double.IsNaN(fraction))
        {
            return 0;
        }

        return (int)Math.Floor(Math.Clamp(fraction, 0, 1) * cells);
    }

    /// <summary>Whole percent shown beside the bar, clamped and rounded down like the bar.</summary>
    public static int Percent(double fraction) => FilledCells(fraction, 100);
}
