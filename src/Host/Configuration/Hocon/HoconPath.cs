using System.Text;

namespace Crawler.Host.Configuration.Hocon;

/// <summary>A parsed path expression such as <c>a.b."c.d"</c>: a list of keys, quoted keys keeping their dots.</summary>
public sealed class HoconPath : IEquatable<HoconPath>
{
    public static readonly HoconPath Root = new([]);

    public HoconPath(IReadOnlyList<string> segments)
    {
        Segments = segments;
    }

    public IReadOnlyList<string> Segments { get; }

    public int Length => Segments.Count;

    public HoconPath Append(string key) => new([.. Segments, key]);

    public HoconPath Concat(HoconPath other) => new([.. Segments, .. other.Segments]);

    public HoconPath Skip(int count) => new([.. Segments.Skip(count)]);

    public bool StartsWith(HoconPath prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(Segments[i], prefix.Segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a path expression as written inside <c>${...}</c> or given to a getter.</summary>
    public static HoconPath Parse(string expression, HoconOrigin origin = default)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var origin2 = origin.Source is null ? HoconOrigin.Unknown : origin;
        var segments = new List<string>();
        var current = new StringBuilder();
        var quotedInSegment = false;
        var text = expression.Trim();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != '"')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                if (end >= text.Length)
                {
                    throw new HoconException(origin2, $"unterminated quoted key in path '{expression}'");
                }

                current.Append(text[(i + 1)..end].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
                quotedInSegment = true;
                i = end;
            }
            else if (c == '.')
            {
                AddSegment();
            }
            else
            {
                current.Append(c);
            }
        }

        AddSegment();
        return new HoconPath(segments);

        void AddSegment()
        {
            if (current.Length == 0 && !quotedInSegment)
            {
                throw new HoconException(origin2, $"path '{expression}' has an empty element; expected keys separated by single dots");
            }

            segments.Add(current.ToString());
            current.Clear();
            quotedInSegment = false;
        }
    }

    /// <summary>Renders the path back, quoting keys that hold dots or characters unquoted text may not.</summary>
    public override string ToString() => string.Join('.', Segments.Select(RenderKey));

    public static string RenderKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var plain = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return plain ? key : HoconRenderer.Quote(key);
    }

    public bool Equals(HoconPath? other) => other is not null && other.Length == Length && StartsWith(other);

    public override bool Equals(object? obj) => Equals(obj as HoconPath);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var segment in Segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
