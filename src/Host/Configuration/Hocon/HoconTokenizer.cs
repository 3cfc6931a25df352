using System.Globalization;
using System.Text;

namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// Splits HOCON text into tokens. Comments disappear; newlines and inline whitespace stay, because HOCON uses
/// newlines as separators and whitespace to join concatenated values.
/// </summary>
internal sealed class HoconTokenizer
{
    // Characters HOCON.md forbids in unquoted text; '/' is allowed except as the start of a "//" comment.
    private const string ForbiddenInUnquoted = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _source;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public HoconTokenizer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    public List<HoconToken> Tokenize()
    {
        var tokens = new List<HoconToken>();
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Type == HoconTokenType.EndOfFile)
            {
                return tokens;
            }
        }
    }

    private int Column => _position - _lineStart + 1;

    private HoconException Error(string problem, int line, int column) => new(new HoconOrigin(_source, line, column), problem);

    private HoconToken Next()
    {
        SkipComment();
        if (_position >= _text.Length)
        {
            return new HoconToken(HoconTokenType.EndOfFile, string.Empty, _line, Column);
        }

        var line = _line;
        var column = Column;
        var c = _text[_position];
        switch (c)
        {
            case '\n':
                _position++;
                _line++;
                _lineStart = _position;
                return new HoconToken(HoconTokenType.Newline, "\n", line, column);
            case '{':
                _position++;
                return new HoconToken(HoconTokenType.OpenBrace, "{", line, column);
            case '}':
                _position++;
                return new HoconToken(HoconTokenType.CloseBrace, "}", line, column);
            case '[':
                _position++;
                return new HoconToken(HoconTokenType.OpenBracket, "[", line, column);
            case ']':
                _position++;
                return new HoconToken(HoconTokenType.CloseBracket, "]", line, column);
            case ',':
                _position++;
                return new HoconToken(HoconTokenType.Comma, ",", line, column);
            case ':' or '=':
                _position++;
                return new HoconToken(HoconTokenType.Equals, c.ToString(), line, column);
            case '+':
                if (Peek(1) == '=')
                {
                    _position += 2;
                    return new HoconToken(HoconTokenType.PlusEquals, "+=", line, column);
                }

                throw Error("found '+' alone; expected '+=' (append) or a quoted string containing '+'", line, column);
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuoted(line, column) : ReadQuoted(line, column);
            case '$':
                return ReadSubstitution(line, column);
            default:
                break;
        }

        if (IsWhitespace(c))
        {
            var start = _position;
            while (_position < _text.Length && IsWhitespace(_text[_position]))
            {
                _position++;
            }

            return new HoconToken(HoconTokenType.Whitespace, _text[start.._position], line, column);
        }

        return ReadUnquoted(line, column);
    }

    private char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private void SkipComment()
    {
        if (_position >= _text.Length)
        {
            return;
        }

        var c = _text[_position];
        if (c == '#' || (c == '/' && Peek(1) == '/'))
        {
            var end = _text.IndexOf('\n', _position);
            _position = end < 0 ? _text.Length : end;
        }
    }

    private HoconToken ReadUnquoted(int line, int column)
    {
        var start = _position;
        var end = start;
        while (end < _text.Length)
        {
            var c = _text[end];
            if (IsWhitespace(c) || c == '\n' || ForbiddenInUnquoted.Contains(c, StringComparison.Ordinal)
                || (c == '/' && end + 1 < _text.Length && _text[end + 1] == '/'))
            {
                break;
            }

            end++;
        }

        // A number may hold '+' (1e+5), which unquoted text may not; take whichever reading is longer.
        var numberEnd = MatchNumber(start);
        end = Math.Max(end, numberEnd);
        if (end == start)
        {
            throw Error($"found '{_text[start]}'; it is reserved in HOCON and must be inside a quoted string", line, column);
        }

        _position = end;
        return new HoconToken(HoconTokenType.Unquoted, _text[start..end], line, column);
    }

    private int MatchNumber(int start)
    {
        var i = start;
        if (i < _text.Length && _text[i] == '-')
        {
            i++;
        }

        var digits = i;
        while (i < _text.Length && char.IsAsciiDigit(_text[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return start;
        }

        if (i + 1 < _text.Length && _text[i] == '.' && char.IsAsciiDigit(_text[i + 1]))
        {
            i++;
            while (i < _text.Length && char.IsAsciiDigit(_text[i]))
            {
                i++;
            }
        }

        if (i < _text.Length && (_text[i] == 'e' || _text[i] == 'E'))
        {
            var j = i + 1;
            if (j < _text.Length && (_text[j] == '+' || _text[j] == '-'))
            {
                j++;
            }

            if (j < _text.Length && char.IsAsciiDigit(_text[j]))
            {
                while (j < _text.Length && char.IsAsciiDigit(_text[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        return i;
    }

    private HoconToken ReadQuoted(int line, int column)
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] == '\n')
            {
                throw Error("unterminated quoted string; expected '\"' before the end of the line", line, column);
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return new HoconToken(HoconTokenType.Quoted, builder.ToString(), line, column);
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Error("unterminated escape at the end of the input", _line, Column);
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("bad \\u escape; expected four hex digits", _line, Column - 2);
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"bad escape '\\{escape}'; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", _line, Column - 2);
            }
        }
    }

    private HoconToken ReadTripleQuoted(int line, int column)
    {
        _position += 3;
        var start = _position;
        var close = _text.IndexOf("\"\"\"", _position, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("unterminated triple-quoted string; expected '\"\"\"'", line, column);
        }

        // HOCON.md: extra quotes before the closing three belong to the string ("""a"""" is a").
        while (close + 3 < _text.Length && _text[close + 3] == '"')
        {
            close++;
        }

        var value = _text[start..close];
        foreach (var ch in value)
        {
            if (ch == '\n')
            {
                _line++;
            }
        }

        _position = close + 3;
        var lastNewline = value.LastIndexOf('\n');
        if (lastNewline >= 0)
        {
            _lineStart = start + lastNewline + 1;
        }

        return new HoconToken(HoconTokenType.Quoted, value, line, column);
    }

    private HoconToken ReadSubstitution(int line, int column)
    {
        if (Peek(1) != '{')
        {
            throw Error("found '$' alone; expected '${path}' or a quoted string containing '$'", line, column);
        }

        _position += 2;
        var optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            _position++;
        }

        var start = _position;
        var inQuotes = false;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                break;
            }

            if (c == '"' && (_position == start || _text[_position - 1] != '\\'))
            {
                inQuotes = !inQuotes;
            }
            else if (c == '}' && !inQuotes)
            {
                var path = _text[start.._position].Trim();
                _position++;
                if (path.Length == 0)
                {
                    throw Error("empty substitution; expected a path such as ${a.b}", line, column);
                }

                return new HoconToken(HoconTokenType.Substitution, path, line, column, optional);
            }

            _position++;
        }

        throw Error("unterminated substitution; expected '}' before the end of the line", line, column);
    }
}
