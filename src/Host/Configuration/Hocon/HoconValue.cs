namespace Crawler.Host.Configuration.Hocon;

/// <summary>A node of a HOCON tree, with the place it was written.</summary>
public abstract class HoconValue
{
    protected HoconValue(HoconOrigin origin)
    {
        Origin = origin;
    }

    public HoconOrigin Origin { get; }

    public abstract HoconValueType Type { get; }

    /// <summary>The text of a scalar as it joins a string concatenation; null for objects, arrays and unresolved nodes.</summary>
    public virtual string? ScalarText => null;
}
