namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// A HOCON syntax, include, substitution or type error. The message starts with <c>file:line:column:</c>
/// so editors can jump to it, then says what was found and what was expected.
/// </summary>
public sealed class HoconException : Exception
{
    public HoconException(HoconOrigin origin, string problem, Exception? inner = null)
        : base(Format(origin, problem), inner)
    {
        Origin = origin;
        Problem = problem;
    }

    public HoconOrigin Origin { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Problem { get; }

    private static string Format(HoconOrigin origin, string problem)
    {
        if (origin.Line <= 0)
        {
            return $"{origin.Source}: {problem}";
        }

        return origin.Column > 0
            ? $"{origin.Source}:{origin.Line}:{origin.Column}: {problem}"
            : $"{origin.Source}:{origin.Line}: {problem}";
    }
}
