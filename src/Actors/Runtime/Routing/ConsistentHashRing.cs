using System.Globalization;

namespace Crawler.Actors.Runtime.Routing;

/// <summary>
/// Slots placed at <c>virtualNodes</c> points each on a 32-bit ring; a key belongs to the first point at or after its
/// hash. The hash is our own FNV-1a plus a murmur finaliser, not <see cref="string.GetHashCode()"/>, so placement is
/// the same in every process.
/// </summary>
internal sealed class ConsistentHashRing
{
    private readonly uint[] _points;
    private readonly int[] _slots;

    public ConsistentHashRing(int slots, int virtualNodes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodes, 1);
        var points = new (uint Point, int Slot)[slots * virtualNodes];
        for (var slot = 0; slot < slots; slot++)
        {
            for (var node = 0; node < virtualNodes; node++)
            {
                points[(slot * virtualNodes) + node] = (Hash(string.Create(CultureInfo.InvariantCulture, $"{slot}#{node}")), slot);
            }
        }

        Array.Sort(points);
        _points = [.. points.Select(p => p.Point)];
        _slots = [.. points.Select(p => p.Slot)];
    }

    public int SlotFor(object key)
    {
        var index = Array.BinarySearch(_points, HashKey(key));
        if (index < 0)
        {
            index = ~index;
        }

        return _slots[index == _points.Length ? 0 : index];
    }

    /// <summary>Hashes the key's invariant text; numbers are formatted on the stack so routing by id allocates nothing.</summary>
    internal static uint HashKey(object key)
    {
        if (key is string text)
        {
            return Hash(text);
        }

        Span<char> buffer = stackalloc char[64];
        if (key is ISpanFormattable formattable && formattable.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            return Hash(buffer[..written]);
        }

        return Hash(Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty);
    }

    internal static uint Hash(ReadOnlySpan<char> text)
    {
        const uint FnvOffset = 2166136261;
        const uint FnvPrime = 16777619;
        var hash = FnvOffset;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }

        // FNV alone clusters short, similar keys ("0#1", "0#2"); the finaliser spreads them over the ring.
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
