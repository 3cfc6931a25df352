using System.Text;
using System.Text.RegularExpressions;

namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// Builds an unresolved tree from tokens: objects, lists, keys as paths, concatenations, <c>+=</c> and includes.
/// Substitutions stay as nodes; <see cref="HoconResolver"/> replaces them once every layer has been merged.
/// </summary>
internal sealed partial class HoconParser
{
    /// <summary>Includes may nest this deep; a file that includes itself would otherwise recurse until the stack dies.</summary>
    public const int MaxIncludeDepth = 32;

    // Objects inside lists have no path of their own; this segment can never match a substitution, so their
    // fields are never mistaken for self-references.
    private static readonly HoconPath ListElementPath = new(["\0[]"]);

    private readonly List<HoconToken> _tokens;
    private readonly string _source;
    private readonly string _baseDirectory;
    private readonly int _includeDepth;
    private int _index;

    private HoconParser(string text, string source, string baseDirectory, int includeDepth)
    {
        _tokens = new HoconTokenizer(text, source).Tokenize();
        _source = source;
        _baseDirectory = baseDirectory;
        _includeDepth = includeDepth;
    }

    /// <param name="source">The name errors and origins show: a file path, <c>reference.conf</c>, <c>(text)</c>.</param>
    /// <param name="baseDirectory">Where relative includes are looked up; the current directory when null.</param>
    public static HoconObject Parse(string text, string source, string? baseDirectory = null)
        => Parse(text, source, baseDirectory, includeDepth: 0);

    public static HoconObject ParseFile(string path) => ParseFile(path, includeDepth: 0);

    private static HoconObject ParseFile(string path, int includeDepth)
    {
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(new HoconOrigin(path, 0), $"cannot read configuration file: {e.Message}", e);
        }

        return Parse(text, path, Path.GetDirectoryName(fullPath), includeDepth);
    }

    private static HoconObject Parse(string text, string source, string? baseDirectory, int includeDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new HoconParser(text, source, baseDirectory ?? Directory.GetCurrentDirectory(), includeDepth);
        return parser.ParseRoot();
    }

    private HoconToken Peek => _tokens[_index];

    private HoconToken Next() => _tokens[_index == _tokens.Count - 1 ? _index : _index++];

    private HoconOrigin OriginOf(HoconToken token) => new(_source, token.Line, token.Column);

    private HoconException Error(HoconToken at, string problem) => new(OriginOf(at), problem);

    private void SkipWhitespace()
    {
        while (Peek.Type == HoconTokenType.Whitespace)
        {
            _index++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek.Type is HoconTokenType.Whitespace or HoconTokenType.Newline)
        {
            _index++;
        }
    }

    private HoconObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        HoconObject root;
        if (Peek.Type == HoconTokenType.OpenBrace)
        {
            Next();
            root = ParseObject(HoconPath.Root, braced: true, OriginOf(Peek));
        }
        else if (Peek.Type == HoconTokenType.OpenBracket)
        {
            throw Error(Peek, "the root of a configuration is a list; expected an object (keys and values)");
        }
        else
        {
            root = ParseObject(HoconPath.Root, braced: false, new HoconOrigin(_source, 1));
        }

        SkipWhitespaceAndNewlines();
        return Peek.Type == HoconTokenType.EndOfFile
            ? root
            : throw Error(Peek, $"found {Peek.Describe()} after the end of the root object; expected end of file");
    }

    private HoconObject ParseObject(HoconPath path, bool braced, HoconOrigin opened)
    {
        var obj = new HoconObject(opened);
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek;
            switch (token.Type)
            {
                case HoconTokenType.CloseBrace when braced:
                    Next();
                    return obj;
                case HoconTokenType.CloseBrace:
                    throw Error(token, "found '}' with no matching '{'");
                case HoconTokenType.EndOfFile when braced:
                    throw Error(token, $"end of file inside the object opened at line {opened.Line}; expected '}}'");
                case HoconTokenType.EndOfFile:
                    return obj;
                case HoconTokenType.Comma:
                    throw Error(token, "found ',' with no field before it; expected a key");
                default:
                    break;
            }

            ParseField(obj, path);
            SkipWhitespace();
            token = Peek;
            switch (token.Type)
            {
                case HoconTokenType.Comma:
                    Next();
                    break;
                case HoconTokenType.Newline or HoconTokenType.CloseBrace or HoconTokenType.EndOfFile:
                    break;
                default:
                    throw Error(token, $"found {token.Describe()} after a value; expected ',', a new line or '}}'");
            }
        }
    }

    private void ParseField(HoconObject obj, HoconPath path)
    {
        var first = Peek;
        if (first.Type == HoconTokenType.Unquoted && first.Text == "include" && IsIncludeAhead())
        {
            ParseInclude(obj, path);
            return;
        }

        var key = ParseKey();
        var fieldPath = path.Concat(key);
        SkipWhitespace();
        var separator = Peek;
        HoconValue value;
        switch (separator.Type)
        {
            case HoconTokenType.Equals:
                Next();
                SkipWhitespaceAndNewlines();
                value = ParseValue(fieldPath, key);
                break;
            case HoconTokenType.PlusEquals:
                Next();
                SkipWhitespaceAndNewlines();
                var appended = ParseValue(ListElementPath, key);
                // HOCON.md: a += b is a = ${?a} [b].
                var self = new HoconSubstitution(fieldPath, optional: true, fieldPath.ToString(), OriginOf(separator));
                value = new HoconConcatenation([self, new HoconArray([appended], appended.Origin)], OriginOf(separator));
                break;
            case HoconTokenType.OpenBrace:
                value = ParseValue(fieldPath, key);
                break;
            default:
                throw Error(separator, $"found {separator.Describe()} after key '{key}'; expected '=', ':', '+=' or '{{'");
        }

        for (var i = key.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(OriginOf(first));
            wrapper.Set(key.Segments[i], value);
            value = wrapper;
        }

        HoconMerge.SetField(obj, key.Segments[0], value, path);
    }

    private HoconPath ParseKey()
    {
        var start = Peek;
        var segments = new List<string>();
        var current = new StringBuilder();
        var pendingWhitespace = string.Empty;
        var sawQuoted = false;
        var any = false;
        while (true)
        {
            var token = Peek;
            if (token.Type == HoconTokenType.Whitespace)
            {
                pendingWhitespace += token.Text;
                Next();
                continue;
            }

            if (token.Type is not (HoconTokenType.Unquoted or HoconTokenType.Quoted))
            {
                break;
            }

            Next();
            current.Append(pendingWhitespace);
            pendingWhitespace = string.Empty;
            any = true;
            if (token.Type == HoconTokenType.Quoted)
            {
                current.Append(token.Text);
                sawQuoted = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c == '.')
                {
                    EndSegment(token);
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        if (!any)
        {
            throw Error(start, $"found {start.Describe()}; expected a key");
        }

        EndSegment(start);
        return new HoconPath(segments);

        void EndSegment(HoconToken at)
        {
            if (current.Length == 0 && !sawQuoted)
            {
                throw Error(at, $"key '{at.Text}' has an empty path element; expected keys separated by single dots");
            }

            segments.Add(current.ToString());
            current.Clear();
            sawQuoted = false;
        }
    }

    private HoconValue ParseValue(HoconPath path, HoconPath key)
    {
        var start = Peek;
        var parts = new List<HoconValue>();
        while (true)
        {
            var token = Peek;
            switch (token.Type)
            {
                case HoconTokenType.Whitespace:
                    Next();
                    if (parts.Count > 0)
                    {
                        parts.Add(new HoconWhitespace(token.Text, OriginOf(token)));
                    }

                    continue;
                case HoconTokenType.OpenBrace:
                    Next();
                    parts.Add(ParseObject(path, braced: true, OriginOf(token)));
                    continue;
                case HoconTokenType.OpenBracket:
                    Next();
                    parts.Add(ParseList(OriginOf(token)));
                    continue;
                case HoconTokenType.Quoted:
                    Next();
                    parts.Add(new HoconString(token.Text, OriginOf(token), quoted: true));
                    continue;
                case HoconTokenType.Unquoted:
                    Next();
                    parts.Add(Classify(token));
                    continue;
                case HoconTokenType.Substitution:
                    Next();
                    var substitutionPath = HoconPath.Parse(token.Text, OriginOf(token));
                    parts.Add(new HoconSubstitution(substitutionPath, token.Optional, token.Text, OriginOf(token)));
                    continue;
                default:
                    break;
            }

            break;
        }

        while (parts.Count > 0 && parts[^1] is HoconWhitespace)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            throw Error(Peek, $"found {Peek.Describe()}; expected a value for '{key}'");
        }

        return parts.Count == 1 ? parts[0] : Concatenate(parts, path, OriginOf(start));
    }

    private HoconArray ParseList(HoconOrigin opened)
    {
        var items = new List<HoconValue>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek;
            switch (token.Type)
            {
                case HoconTokenType.CloseBracket:
                    Next();
                    return new HoconArray(items, opened);
                case HoconTokenType.EndOfFile:
                    throw Error(token, $"end of file inside the list opened at line {opened.Line}; expected ']'");
                case HoconTokenType.Comma:
                    throw Error(token, "found ',' with no element before it; expected a value or ']'");
                default:
                    break;
            }

            items.Add(ParseValue(ListElementPath, new HoconPath([$"[{items.Count}]"])));
            SkipWhitespace();
            token = Peek;
            switch (token.Type)
            {
                case HoconTokenType.EndOfFile:
                    throw Error(token, $"end of file inside the list opened at line {opened.Line}; expected ']'");
                case HoconTokenType.Comma:
                    Next();
                    break;
                case HoconTokenType.Newline or HoconTokenType.CloseBracket:
                    break;
                default:
                    throw Error(token, $"found {token.Describe()} in a list; expected ',', a new line or ']'");
            }
        }
    }

    private static HoconValue Concatenate(List<HoconValue> parts, HoconPath path, HoconOrigin origin)
    {
        var solid = parts.Where(p => p is not HoconWhitespace).ToList();
        if (solid.Any(p => p.Type == HoconValueType.Unresolved))
        {
            return new HoconConcatenation(parts, origin);
        }

        if (solid.All(p => p is HoconObject))
        {
            var merged = (HoconObject)solid[0];
            foreach (var next in solid.Skip(1))
            {
                merged = HoconMerge.MergeObjects(merged, (HoconObject)next, path);
            }

            return merged;
        }

        if (solid.All(p => p is HoconArray))
        {
            return new HoconArray([.. solid.SelectMany(p => ((HoconArray)p).Items)], origin);
        }

        var odd = solid.FirstOrDefault(p => p is HoconObject or HoconArray);
        if (odd is not null)
        {
            throw new HoconException(odd.Origin, $"cannot concatenate {(odd is HoconObject ? "an object" : "a list")} with a string, number or boolean");
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part is HoconWhitespace w ? w.Text : part.ScalarText);
        }

        var quoted = solid.Any(p => p is HoconString { Quoted: true });
        return new HoconString(text.ToString(), origin, quoted);
    }

    private HoconValue Classify(HoconToken token)
    {
        var origin = OriginOf(token);
        return token.Text switch
        {
            "true" => new HoconBoolean(true, origin),
            "false" => new HoconBoolean(false, origin),
            "null" => new HoconNull(origin),
            _ when NumberPattern().IsMatch(token.Text) => new HoconNumber(token.Text, origin),
            _ => new HoconString(token.Text, origin, quoted: false),
        };
    }

    private bool IsIncludeAhead()
    {
        var i = _index + 1;
        while (_tokens[i].Type == HoconTokenType.Whitespace)
        {
            i++;
        }

        if (i == _index + 1)
        {
            return false;
        }

        var next = _tokens[i];
        return next.Type == HoconTokenType.Quoted
            || (next.Type == HoconTokenType.Unquoted
                && (next.Text.StartsWith("file(", StringComparison.Ordinal) || next.Text.StartsWith("required(", StringComparison.Ordinal)
                    || next.Text.StartsWith("url(", StringComparison.Ordinal) || next.Text.StartsWith("classpath(", StringComparison.Ordinal)));
    }

    private void ParseInclude(HoconObject obj, HoconPath path)
    {
        var includeToken = Next();
        SkipWhitespace();
        var required = false;
        var open = 0;
        var token = Next();
        // '(' is legal in unquoted text, so required(file( arrives as one token; peel the wrappers off it.
        while (token.Type == HoconTokenType.Unquoted)
        {
            var text = token.Text;
            while (text.Length > 0)
            {
                if (text.StartsWith("required(", StringComparison.Ordinal) && !required)
                {
                    required = true;
                    text = text["required(".Length..];
                }
                else if (text.StartsWith("file(", StringComparison.Ordinal))
                {
                    text = text["file(".Length..];
                }
                else if (text.StartsWith("url(", StringComparison.Ordinal) || text.StartsWith("classpath(", StringComparison.Ordinal))
                {
                    throw Error(token, $"include {text[..(text.IndexOf('(', StringComparison.Ordinal) + 1)]}...) is not supported; expected include \"file\" or include file(\"...\")");
                }
                else
                {
                    throw Error(token, $"found {token.Describe()} after include; expected a quoted file name, file(\"...\") or required(...)");
                }

                open++;
            }

            SkipWhitespace();
            token = Next();
        }

        if (token.Type != HoconTokenType.Quoted)
        {
            throw Error(token, $"found {token.Describe()} after include; expected a quoted file name");
        }

        var name = token.Text;
        while (open > 0)
        {
            SkipWhitespace();
            var close = Next();
            if (close.Type != HoconTokenType.Unquoted || close.Text.Any(c => c != ')') || close.Text.Length > open)
            {
                throw Error(close, $"found {close.Describe()} in include; expected ')'");
            }

            open -= close.Text.Length;
        }

        var resolved = Path.IsPathRooted(name) ? name : Path.Combine(_baseDirectory, name);
        if (!File.Exists(resolved) && File.Exists(resolved + ".conf"))
        {
            resolved += ".conf";
        }

        if (!File.Exists(resolved))
        {
            if (required)
            {
                throw Error(token, $"included file '{name}' not found (looked for {Path.GetFullPath(resolved)})");
            }

            return;
        }

        if (_includeDepth >= MaxIncludeDepth)
        {
            throw Error(includeToken, $"includes nest deeper than {MaxIncludeDepth} levels at '{name}'; is there an include cycle?");
        }

        var included = ParseFile(resolved, _includeDepth + 1);
        var rerooted = (HoconObject)HoconMerge.Reroot(included, path);
        foreach (var (key, value) in rerooted.Fields)
        {
            HoconMerge.SetField(obj, key, value, path);
        }
    }

    /// <summary>True when unquoted text is a JSON-style number rather than a string.</summary>
    public static bool IsNumber(string text) => NumberPattern().IsMatch(text);

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
