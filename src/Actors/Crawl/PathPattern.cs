using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Actors.Crawl;

/// <summary>
/// An include/exclude pattern, matched against a URL's path plus "?query" when it has one (as sent on the wire,
/// percent-encoded, case-sensitive).
/// <list type="bullet">
/// <item><c>regex:...</c>: a .NET regular expression, found anywhere unless anchored. Compiled with
/// NonBacktracking so that a hostile URL cannot make a pattern run for exponential time (no backreferences or
/// lookarounds, then).</item>
/// <item>Anything else is a glob over the whole path: <c>*</c> is any run without '/', <c>**</c> any run at all,
/// <c>?</c> one character but '/'. A glob not starting with '/' may match at any depth: <c>*.pdf</c> means
/// <c>**/*.pdf</c>. So <c>/blog/**</c> is everything under /blog/, and <c>/blog/*</c> only its direct children.</item>
/// </list>
/// </summary>
public sealed class PathPattern
{
    private const string RegexPrefix = "regex:";

    // A pattern is matched against each URL admitted; bound the work even for NonBacktracking's linear time.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;

    public PathPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Text = pattern;
        var expression = pattern.StartsWith(RegexPrefix, StringComparison.Ordinal) ? pattern[RegexPrefix.Length..] : GlobToRegex(pattern);
        try
        {
            _regex = new Regex(expression, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ScopePatternException(pattern, e.Message, e);
        }
        catch (NotSupportedException e)
        {
            throw new ScopePatternException(pattern, "uses a construct NonBacktracking regexes do not support (backreference, lookaround, atomic group): " + e.Message, e);
        }
    }

    public string Text { get; }

    public bool IsMatch(string pathAndQuery) => _regex.IsMatch(pathAndQuery);

    public override string ToString() => Text;

    private static string GlobToRegex(string glob)
    {
        var builder = new StringBuilder("^");
        if (!glob.StartsWith('/'))
        {
            builder.Append("(?:.*/)?");
        }

        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return builder.Append('$').ToString();
    }
}
