namespace Crawler.Host.Configuration.Hocon;

// The names are HOCON.md's own value types; renaming them to dodge type names would only obscure that.
#pragma warning disable CA1720
public enum HoconValueType
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
    /// <summary>A substitution, concatenation or merge that <see cref="HoconResolver"/> has not resolved yet.</summary>
    Unresolved,
}
#pragma warning restore CA1720
