using Crawler.Actors.Load;

namespace Crawler.Host.Output;

/// <summary>
/// What ends a load run, so the progress bar knows what "full" means: a duration (<c>-d</c>) or a number of
/// operations (<c>-n</c>: requests, or pages with <c>--page</c>).
/// </summary>
internal abstract record LoadProgressBound
{
    /// <summary>The bound the run obeys: a count wins over a duration, as it does in the run itself.</summary>
    public static LoadProgressBound? For(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Requests is { } count)
        {
            return new ByCount(count, options.Page ? "pages" : "req");
        }

        return options.Duration > TimeSpan.Zero ? new ByDuration(options.Duration) : null;
    }

    /// <summary>How far along the run is: 0 at the start, 1 at the end; may pass 1 (the last tick lands after the end).</summary>
    public abstract double Fraction(LoadProgress progress);

    /// <summary>Done over total in the bound's own unit, padded so the line does not shift as the figures grow.</summary>
    public abstract string Position(LoadProgress progress);

    /// <summary>A timed run (<c>-d</c>): the bar follows the clock.</summary>
    public sealed record ByDuration(TimeSpan Total) : LoadProgressBound
    {
        public override double Fraction(LoadProgress progress)
        {
            ArgumentNullException.ThrowIfNull(progress);
            return progress.Elapsed / Total;
        }

        public override string Position(LoadProgress progress)
        {
            ArgumentNullException.ThrowIfNull(progress);
            var total = LoadUnits.Number(Total.TotalSeconds, "0") + "s";
            var elapsed = LoadUnits.Number(progress.Elapsed.TotalSeconds, "0") + "s";
            return elapsed.PadLeft(total.Length) + "/" + total;
        }
    }

    /// <summary>A counted run (<c>-n</c>): the bar follows the operations completed.</summary>
    /// <param name="Noun">What is counted, after the figures: "req" or "pages".</param>
    public sealed record ByCount(long Total, string Noun) : LoadProgressBound
    {
        public override double Fraction(LoadProgress progress)
        {
            ArgumentNullException.ThrowIfNull(progress);
            return (double)progress.OperationsSoFar / Total;
        }

        public override string Position(LoadProgress progress)
        {
            ArgumentNullException.ThrowIfNull(progress);
            var total = LoadUnits.Number(Total, "0");
            var done = LoadUnits.Number(progress.OperationsSoFar, "0");
            return done.PadLeft(total.Length) + "/" + total + " " + Noun;
        }
    }
}
