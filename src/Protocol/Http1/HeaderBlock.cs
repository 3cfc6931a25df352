using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace Crawler.Protocol.Http1;

/// <summary>
/// The header fields of one parsed response head, kept as bytes: each name and its value copied back to back into
/// one pooled buffer, plus a pooled table of where each field sits. Parsing a head therefore allocates nothing per
/// header; a name or value becomes a string only when someone asks for it, and only once (cached).
/// The owner (the response) calls <see cref="Release"/> when it is disposed: both buffers go back to the pool
/// exactly once, and any later read throws <see cref="ObjectDisposedException"/> instead of reading a buffer that
/// another connection may already be filling.
/// Used by one task at a time, like the connection that parsed it.
/// </summary>
internal sealed class HeaderBlock
{
    // Names and values of a typical head (10-20 headers) fit 2 KiB and 16 slots; bigger heads grow by doubling,
    // from the pool too, and stay bounded by the parser's byte and count limits.
    private const int InitialBytes = 2048;
    private const int InitialFields = 16;

    private byte[] _bytes;
    private Field[] _fields;
    private int _length;
    private int _count;
    private bool _released;

    // Strings handed out so far: [2i] the name of field i, [2i + 1] its value. Created on the first request, so
    // a response nobody reads the headers of (the load path, a redirect hop) never allocates it.
    private string?[]? _strings;

    public HeaderBlock()
    {
        _bytes = ArrayPool<byte>.Shared.Rent(InitialBytes);
        _fields = ArrayPool<Field>.Shared.Rent(InitialFields);
    }

    public int Count
    {
        get
        {
            ThrowIfReleased();
            return _count;
        }
    }

    /// <summary>Appends a field; <paramref name="name"/> is a validated token, <paramref name="value"/> trimmed.</summary>
    public void Add(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        ThrowIfReleased();
        if (_count == _fields.Length)
        {
            GrowFields();
        }

        EnsureBytes(name.Length + value.Length);
        var start = _length;
        name.CopyTo(_bytes.AsSpan(start));
        value.CopyTo(_bytes.AsSpan(start + name.Length));
        _length += name.Length + value.Length;
        _fields[_count++] = new Field(start, name.Length, value.Length);
    }

    /// <summary>
    /// obs-fold (RFC 9112 §5.2): a continuation line joins the last value with one space. The last value ends
    /// the buffer, so it grows in place.
    /// </summary>
    public void AppendToLast(ReadOnlySpan<byte> continuation)
    {
        ThrowIfReleased();
        Debug.Assert(_count > 0, "the parser passes continuations only after a header");
        var last = _fields[_count - 1];
        var separator = last.ValueLength == 0 ? 0 : 1;
        EnsureBytes(separator + continuation.Length);
        if (separator == 1)
        {
            _bytes[_length] = (byte)' ';
        }

        continuation.CopyTo(_bytes.AsSpan(_length + separator));
        _length += separator + continuation.Length;
        _fields[_count - 1] = last with { ValueLength = last.ValueLength + separator + continuation.Length };
        if (_strings is { } strings && strings.Length > (2 * _count) - 1)
        {
            strings[(2 * _count) - 1] = null;
        }
    }

    public ReadOnlySpan<byte> NameBytes(int index)
    {
        var field = FieldAt(index);
        return _bytes.AsSpan(field.Start, field.NameLength);
    }

    public ReadOnlySpan<byte> ValueBytes(int index)
    {
        var field = FieldAt(index);
        return _bytes.AsSpan(field.Start + field.NameLength, field.ValueLength);
    }

    /// <summary>True when field <paramref name="index"/> is named <paramref name="name"/>, compared case-insensitively without a string.</summary>
    public bool NameEquals(int index, string name)
    {
        var field = FieldAt(index);
        return field.NameLength == name.Length && Ascii.EqualsIgnoreCase(_bytes.AsSpan(field.Start, field.NameLength), name);
    }

    /// <summary>The name as a string: the shared one for well-known names, else created once.</summary>
    public string GetName(int index) => CachedString(2 * index) ?? Cache(2 * index, KnownHeaders.GetName(NameBytes(index)));

    /// <summary>The value as a string (Latin-1, as field values are octets): shared for common values, else created once.</summary>
    public string GetValue(int index) => CachedString((2 * index) + 1) ?? Cache((2 * index) + 1, KnownHeaders.GetValue(ValueBytes(index)));

    /// <summary>Returns the buffers to the pool; later calls do nothing, later reads throw.</summary>
    public void Release()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        var bytes = _bytes;
        var fields = _fields;
        _bytes = [];
        _fields = [];
        _strings = null;
        _length = 0;
        _count = 0;
        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<Field>.Shared.Return(fields);
    }

    private Field FieldAt(int index)
    {
        ThrowIfReleased();
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return _fields[index];
    }

    private string? CachedString(int slot)
    {
        ThrowIfReleased();
        var strings = _strings;
        return strings is not null && slot < strings.Length ? strings[slot] : null;
    }

    private string Cache(int slot, string value)
    {
        if (_strings is null || _strings.Length <= slot)
        {
            Array.Resize(ref _strings, 2 * _count);
        }

        _strings[slot] = value;
        return value;
    }

    private void EnsureBytes(int more)
    {
        if (_length + more <= _bytes.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + more));
        _bytes.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }

    private void GrowFields()
    {
        var larger = ArrayPool<Field>.Shared.Rent(_fields.Length * 2);
        _fields.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<Field>.Shared.Return(_fields);
        _fields = larger;
    }

    private void ThrowIfReleased() =>
        ObjectDisposedException.ThrowIf(_released, typeof(HttpHeaders));

    // Offsets into _bytes: the name starts at Start and the value follows it directly. No references, so the
    // pooled table needs no clearing when it goes back.
    private readonly record struct Field(int Start, int NameLength, int ValueLength);
}
