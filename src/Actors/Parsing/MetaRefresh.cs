namespace Crawler.Actors.Parsing;

/// <summary>Finds the URL in a meta refresh content value ("5; url=next.html", "0;URL='x'", "3, next.html").</summary>
public static class MetaRefresh
{
    /// <summary>The URL's start and length within <paramref name="content"/>, or false when the value names no URL (a plain reload).</summary>
    public static bool TryFindUrl(string content, out int start, out int length)
    {
        ArgumentNullException.ThrowIfNull(content);
        start = 0;
        length = 0;
        var i = 0;
        Skip(content, ref i, static c => SrcsetParser.IsSpace(c));
        Skip(content, ref i, static c => char.IsAsciiDigit(c) || c == '.');
        Skip(content, ref i, static c => SrcsetParser.IsSpace(c));
        if (i >= content.Length || content[i] is not (';' or ','))
        {
            return false;
        }

        i++;
        Skip(content, ref i, static c => SrcsetParser.IsSpace(c));
        if (content.AsSpan(i).StartsWith("url", StringComparison.OrdinalIgnoreCase))
        {
            var afterKeyword = i + 3;
            Skip(content, ref afterKeyword, static c => SrcsetParser.IsSpace(c));
            if (afterKeyword < content.Length && content[afterKeyword] == '=')
            {
                i = afterKeyword + 1;
                Skip(content, ref i, static c => SrcsetParser.IsSpace(c));
            }
        }

        var end = content.Length;
        if (i < content.Length && content[i] is '"' or '\'')
        {
            var close = content.IndexOf(content[i], i + 1);
            i++;
            end = close < 0 ? content.Length : close;
        }

        while (end > i && SrcsetParser.IsSpace(content[end - 1]))
        {
            end--;
        }

        start = i;
        length = end - i;
        return length > 0;
    }

    private static void Skip(string s, ref int i, Func<char, bool> predicate)
    {
        while (i < s.Length && predicate(s[i]))
        {
            i++;
        }
    }
}
