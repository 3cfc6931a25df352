namespace Crawler.Actors.Crawl;

/// <summary>An include/exclude pattern that cannot be compiled; names the pattern and why.</summary>
public sealed class ScopePatternException : ArgumentException
{
    public ScopePatternException(string pattern, string reason, Exception? inner = null)
        : base($"invalid scope pattern '{pattern}': {reason}", inner)
    {
        Pattern = pattern;
        Reason = reason;
    }

    public string Pattern { get; }

    public string Reason { get; }
}
