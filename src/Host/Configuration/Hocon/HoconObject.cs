namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// An object: keys in the order first written, each with its value. Mutable only inside this assembly while parsing
/// and merging; a resolved tree handed out is not changed again.
/// </summary>
public sealed partial class HoconObject(HoconOrigin origin) : HoconValue(origin)
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);

    public override HoconValueType Type => HoconValueType.Object;

    public IReadOnlyList<string> Keys => _keys;

    public int Count => _keys.Count;

    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _keys.Select(k => new KeyValuePair<string, HoconValue>(k, _fields[k]));

    public bool TryGetField(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    internal void Set(string key, HoconValue value)
    {
        if (!_fields.ContainsKey(key))
        {
            _keys.Add(key);
        }

        _fields[key] = value;
    }

    internal void Remove(string key)
    {
        if (_fields.Remove(key))
        {
            _keys.Remove(key);
        }
    }

    internal HoconObject ShallowCopy(HoconOrigin? origin = null)
    {
        var copy = new HoconObject(origin ?? Origin);
        foreach (var key in _keys)
        {
            copy.Set(key, _fields[key]);
        }

        return copy;
    }
}
