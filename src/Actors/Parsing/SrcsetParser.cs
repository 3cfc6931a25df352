namespace Crawler.Actors.Parsing;

/// <summary>
/// Parses a srcset attribute as the HTML standard's "parse a srcset attribute" algorithm does: URLs are runs of
/// non-whitespace (so they may contain commas, e.g. "a,b.png 1x"), a trailing comma ends a candidate, and commas
/// inside parentheses in descriptors do not. Invalid descriptors do not drop the URL: a crawler wants every file.
/// </summary>
public static class SrcsetParser
{
    public static IReadOnlyList<SrcsetCandidate> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new List<SrcsetCandidate>();
        var position = 0;
        while (true)
        {
            // Step: skip whitespace and commas between candidates.
            while (position < value.Length && (IsSpace(value[position]) || value[position] == ','))
            {
                position++;
            }

            if (position >= value.Length)
            {
                return result;
            }

            var urlStart = position;
            while (position < value.Length && !IsSpace(value[position]))
            {
                position++;
            }

            var urlEnd = position;
            if (value[urlEnd - 1] == ',')
            {
                // "a.png," — trailing commas end the candidate and belong to no URL.
                while (urlEnd > urlStart && value[urlEnd - 1] == ',')
                {
                    urlEnd--;
                }

                if (urlEnd > urlStart)
                {
                    result.Add(new SrcsetCandidate(value[urlStart..urlEnd], urlStart, ""));
                }

                continue;
            }

            var descriptorStart = position;
            var inParens = false;
            while (position < value.Length)
            {
                var c = value[position];
                if (inParens)
                {
                    inParens = c != ')';
                }
                else if (c == '(')
                {
                    inParens = true;
                }
                else if (c == ',')
                {
                    break;
                }

                position++;
            }

            result.Add(new SrcsetCandidate(value[urlStart..urlEnd], urlStart, value[descriptorStart..position].Trim()));
            if (position < value.Length)
            {
                position++; // the comma
            }
        }
    }

    // The HTML standard's ASCII whitespace.
    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
