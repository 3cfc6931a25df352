using System.Text;

namespace Crawler.Host.Output;

/// <summary>Accumulates output with pending line breaks and a pending collapsible space, as innerText does.</summary>
internal sealed class HtmlTextWriter
{
    private readonly StringBuilder _output = new();
    private int _pendingBreaks;
    private bool _pendingSpace;

    public void RequireBreaks(int count)
    {
        _pendingBreaks = Math.Max(_pendingBreaks, count);
        _pendingSpace = false;
    }

    public void LineBreak()
    {
        FlushBreaks();
        _output.Append('\n');
        _pendingSpace = false;
    }

    public void Tab()
    {
        FlushBreaks();
        _output.Append('\t');
        _pendingSpace = false;
    }

    public void Text(string data, bool preformatted)
    {
        if (preformatted)
        {
            if (data.Length == 0)
            {
                return;
            }

            FlushBreaks();
            FlushSpace();
            _output.Append(data.ReplaceLineEndings("\n"));
            return;
        }

        foreach (var c in data)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                // A space only counts between words on one line, never at a line's start.
                if (_output.Length > 0 && _output[^1] is not ('\n' or '\t'))
                {
                    _pendingSpace = true;
                }

                continue;
            }

            FlushBreaks();
            FlushSpace();

            // No-break spaces print as spaces but never collapse.
            _output.Append(c == '\u00a0' ? ' ' : c);
        }
    }

    public override string ToString() => _output.ToString().TrimEnd(' ', '\n', '\t');

    private void FlushBreaks()
    {
        if (_pendingBreaks == 0)
        {
            return;
        }

        // Breaks already written (by <br>) count toward what the block requires; none at the very start.
        if (_output.Length > 0)
        {
            var trailing = 0;
            while (trailing < _output.Length && _output[_output.Length - 1 - trailing] == '\n')
            {
                trailing++;
            }

            _output.Append('\n', Math.Max(0, _pendingBreaks - trailing));
        }

        _pendingBreaks = 0;
        _pendingSpace = false;
    }

    private void FlushSpace()
    {
        if (_pendingSpace)
        {
            if (_output.Length > 0 && _output[^1] is not ('\n' or '\t' or ' '))
            {
                _output.Append(' ');
            }

            _pendingSpace = false;
        }
    }
}
