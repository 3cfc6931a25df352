namespace Crawler.Host.Output;

/// <summary>
/// The few ANSI SGR colours the live progress line uses. Callers decide whether colour is allowed
/// (<see cref="Logging.LogLevels.UseColor"/>); <see cref="Paint"/> leaves text untouched when it is not.
/// </summary>
internal static class AnsiColor
{
    public const string Green = "\u001b[32m";
    public const string Red = "\u001b[31m";

    // Bright black: visible on dark and light themes alike, unlike "dim", which some terminals ignore.
    public const string Grey = "\u001b[90m";

    public const string Reset = "\u001b[0m";

    public static string Paint(string text, string? color, bool enabled)
        => enabled && color is not null && text.Length > 0 ? color + text + Reset : text;
}
