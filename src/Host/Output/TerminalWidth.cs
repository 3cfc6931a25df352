namespace Crawler.Host.Output;

/// <summary>The width of the terminal in columns, or a safe guess when there is no terminal to ask.</summary>
internal static class TerminalWidth
{
    /// <summary>The classic terminal width; used when the real one is unknown.</summary>
    public const int Fallback = 80;

    /// <summary>
    /// Read on every call because the user may resize the window mid-run. <see cref="Console.WindowWidth"/> throws
    /// when no console is attached (Windows, redirected handles) and returns 0 on some Unix pseudo-terminals.
    /// </summary>
    public static int Current()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : Fallback;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return Fallback;
        }
    }
}
