namespace Crawler.Protocol.Http1;

/// <summary>
/// Response or request headers in arrival order. Names compare case-insensitively; repeated
/// headers are kept as separate entries (Set-Cookie must never be folded).
/// Headers parsed off the wire stay bytes in a pooled <see cref="HeaderBlock"/> and become strings only when read
/// (once each), so parsing allocates nothing per header. They live as long as their response: once it is disposed
/// reading them throws <see cref="ObjectDisposedException"/>; keep what you need before that, or take a
/// <see cref="Copy"/>. Headers built in code (file:, data:, the cache) are a plain list of strings.
/// </summary>
public sealed class HttpHeaders : IEnumerable<KeyValuePair<string, string>>
{
    // Shared by every block-backed instance until it is first mutated; never written to.
    private static readonly List<KeyValuePair<string, string>> NoEntries = [];

    private HeaderBlock? _block;
    private List<KeyValuePair<string, string>> _entries;

    public HttpHeaders()
        : this(0)
    {
    }

    internal HttpHeaders(int capacity)
    {
        _entries = new List<KeyValuePair<string, string>>(capacity);
    }

    // Takes ownership of the parsed block: Release returns it.
    internal HttpHeaders(HeaderBlock block)
    {
        _block = block;
        _entries = NoEntries;
    }

    public int Count => _block?.Count ?? _entries.Count;

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var count = Count;
            for (var i = 0; i < count; i++)
            {
                if (NameEquals(i, name))
                {
                    return GetValue(i);
                }
            }

            return null;
        }
    }

    public void Add(string name, string value) => Own().Add(new(name, value));

    public bool Contains(string name) => this[name] is not null;

    /// <summary>Every value of <paramref name="name"/>, in order.</summary>
    public IEnumerable<string> GetValues(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // Most asks are for a header the response does not have (a crawl looks for five cache headers on every
        // response): those are answered without allocating an iterator.
        return Contains(name) ? GetValuesIterator(name) : [];
    }

    /// <summary>Replaces every value of <paramref name="name"/> with one.</summary>
    public void Set(string name, string value)
    {
        Remove(name);
        Add(name, value);
    }

    public void Remove(string name) => Own().RemoveAll(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>An independent list-backed copy that outlives the response (what the cache stores).</summary>
    public HttpHeaders Copy()
    {
        var copy = new HttpHeaders(Count);
        foreach (var entry in this)
        {
            copy._entries.Add(entry);
        }

        return copy;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    internal bool NameEquals(int index, string name) =>
        _block?.NameEquals(index, name) ?? string.Equals(_entries[index].Key, name, StringComparison.OrdinalIgnoreCase);

    internal string GetName(int index) => _block?.GetName(index) ?? _entries[index].Key;

    internal string GetValue(int index) => _block?.GetValue(index) ?? _entries[index].Value;

    /// <summary>The value's bytes when the headers were parsed (no string made); false for list-backed headers.</summary>
    internal bool TryGetValueBytes(int index, out ReadOnlySpan<byte> value)
    {
        if (_block is { } block)
        {
            value = block.ValueBytes(index);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Returns the parsed block's pooled buffers; called once by the response's owner, repeats do nothing.</summary>
    internal void Release() => _block?.Release();

    private IEnumerable<string> GetValuesIterator(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (NameEquals(i, name))
            {
                yield return GetValue(i);
            }
        }
    }

    // A mutation turns parsed headers into a list of strings; the block is no longer needed after that.
    private List<KeyValuePair<string, string>> Own()
    {
        if (_block is { } block)
        {
            var entries = new List<KeyValuePair<string, string>>(block.Count + 1);
            for (var i = 0; i < block.Count; i++)
            {
                entries.Add(new(block.GetName(i), block.GetValue(i)));
            }

            block.Release();
            _block = null;
            _entries = entries;
        }

        return _entries;
    }

    /// <summary>Enumerates (name, value) pairs in arrival order without allocating.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, string>>
    {
        private readonly HttpHeaders _headers;
        private int _index;

        internal Enumerator(HttpHeaders headers)
        {
            _headers = headers;
            _index = -1;
        }

        public readonly KeyValuePair<string, string> Current => new(_headers.GetName(_index), _headers.GetValue(_index));

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _headers.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
