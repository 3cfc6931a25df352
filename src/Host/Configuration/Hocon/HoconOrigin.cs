namespace Crawler.Host.Configuration.Hocon;

/// <summary>Where a value was written: a file name (or <c>env NAME</c>, <c>flag --x</c>) and a 1-based line.</summary>
/// <param name="Line">0 when the source has no lines (environment variables, flags).</param>
/// <remarks>Sources named <c>env ...</c> or <c>flag ...</c> print without a line even when parsed as text (<c>--set</c>).</remarks>
public readonly record struct HoconOrigin(string Source, int Line, int Column = 0)
{
    public static readonly HoconOrigin Unknown = new("(unknown)", 0);

    public override string ToString()
        => Line > 0 && !Source.StartsWith("flag ", StringComparison.Ordinal) && !Source.StartsWith("env ", StringComparison.Ordinal)
            ? $"{Source}:{Line}"
            : Source;
}
