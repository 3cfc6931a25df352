namespace Crawler.Protocol.Http1;

/// <summary>
/// Response or request headers in arrival order. Names compare case-insensitively; repeated
/// headers are kept as separate entries (Set-Cookie must never be folded).
/// </summary>
public sealed class HttpHeaders : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _entries;

    public HttpHeaders()
        : this(0)
    {
    }

    // The parser sizes for a typical response (10-20 headers) so the list does not regrow per header.
    internal HttpHeaders(int capacity)
    {
        _entries = new List<KeyValuePair<string, string>>(capacity);
    }

    public int Count => _entries.Count;

    public void Add(string name, string value) => _entries.Add(new(name, value));

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public bool Contains(string name) => this[name] is not null;

    /// <summary>Every value of <paramref name="name"/>, in order.</summary>
    public IEnumerable<string> GetValues(string name)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return entry.Value;
            }
        }
    }

    /// <summary>Replaces every value of <paramref name="name"/> with one.</summary>
    public void Set(string name, string value)
    {
        Remove(name);
        Add(name, value);
    }

    // obs-fold (RFC 9112 §5.2): a continuation line joins the previous value with one space.
    internal bool TryAppendToLast(string continuation)
    {
        if (_entries.Count == 0)
        {
            return false;
        }

        var last = _entries[^1];
        _entries[^1] = new(last.Key, last.Value.Length == 0 ? continuation : last.Value + " " + continuation);
        return true;
    }

    public void Remove(string name) => _entries.RemoveAll(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
