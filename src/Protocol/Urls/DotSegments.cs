using System.Buffers;

namespace Crawler.Protocol.Urls;

/// <summary>remove_dot_segments of RFC 3986 §5.2.4, on spans with one pooled output buffer.</summary>
internal static class DotSegments
{
    public static string Remove(string path)
    {
        if (!MayHaveDotSegment(path))
        {
            return path;
        }

        // The output never grows past the input.
        var rented = ArrayPool<char>.Shared.Rent(path.Length);
        try
        {
            return rented.AsSpan(0, Remove(path, rented)).ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes <paramref name="path"/> without its dot segments to <paramref name="output"/>, which must be at least as
    /// long, and returns the length written. The output may be the path's own memory: what is written never runs
    /// ahead of what has been read.
    /// </summary>
    public static int Remove(ReadOnlySpan<char> path, Span<char> output)
    {
        var length = 0;
        var input = path;
        while (!input.IsEmpty)
        {
            if (input.StartsWith("../"))
            {
                input = input[3..];
            }
            else if (input.StartsWith("./"))
            {
                input = input[2..];
            }
            else if (input.StartsWith("/./"))
            {
                input = input[2..];
            }
            else if (input.SequenceEqual("/."))
            {
                input = "/";
            }
            else if (input.StartsWith("/../"))
            {
                input = input[3..];
                length = TruncateLastSegment(output, length);
            }
            else if (input.SequenceEqual("/.."))
            {
                input = "/";
                length = TruncateLastSegment(output, length);
            }
            else if (input.SequenceEqual(".") || input.SequenceEqual(".."))
            {
                input = default;
            }
            else
            {
                var next = input.Length > 1 ? input[1..].IndexOf('/') : -1;
                var take = next < 0 ? input.Length : next + 1;
                input[..take].CopyTo(output[length..]);
                length += take;
                input = input[take..];
            }
        }

        return length;
    }

    /// <summary>A dot segment is "." or ".." between slashes (or at either end); anything else is copied as is.</summary>
    public static bool MayHaveDotSegment(ReadOnlySpan<char> path)
    {
        var start = 0;
        while (start <= path.Length)
        {
            var slash = path[start..].IndexOf('/');
            var end = slash < 0 ? path.Length : start + slash;
            var segment = path[start..end];
            if (segment.SequenceEqual(".") || segment.SequenceEqual(".."))
            {
                return true;
            }

            if (slash < 0)
            {
                break;
            }

            start = end + 1;
        }

        return false;
    }

    // RFC: remove the last segment and its preceding "/" (if any) from the output buffer.
    private static int TruncateLastSegment(Span<char> output, int length)
    {
        var slash = output[..length].LastIndexOf('/');
        return slash < 0 ? 0 : slash;
    }
}
