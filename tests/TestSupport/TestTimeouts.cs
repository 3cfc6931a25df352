namespace Crawler.TestSupport;

/// <summary>Upper bounds for waits in tests (generous, since CI machines are slow, and never slept on), and the window in which "no message" is asserted.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan NoMessage = TimeSpan.FromMilliseconds(300);
}
