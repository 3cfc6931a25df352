namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// How a later value for a key combines with an earlier one (HOCON.md "duplicate keys and object merging"):
/// two objects merge key by key, anything else replaces, and an unresolved pair waits in a <see cref="HoconDelayedMerge"/>.
/// Self-references (<c>a = ${a} [3]</c>) are bound here to the earlier value, because "earlier" means textual order.
/// </summary>
internal static class HoconMerge
{
    /// <summary>Sets <paramref name="key"/> of <paramref name="target"/>, whose absolute path is <paramref name="path"/> + key.</summary>
    public static void SetField(HoconObject target, string key, HoconValue value, HoconPath path)
    {
        var fieldPath = path.Append(key);
        target.TryGetField(key, out var existing);
        if (existing is not null)
        {
            value = BindSelfReferences(value, fieldPath, existing);
        }

        if (existing is HoconObject existingObject && value is HoconObject newObject)
        {
            target.Set(key, MergeObjects(existingObject, newObject, fieldPath));
        }
        else if (existing is not null
            && ((value.Type == HoconValueType.Unresolved && !ContainsPriorReference(value))
                || (existing.Type == HoconValueType.Unresolved && value is HoconObject)))
        {
            // Decided after substitution: foo = 10, foo = ${?bar} keeps 10 when bar is undefined, and
            // foo = ${x}, foo { b = 2 } merges when x turns out to be an object.
            target.Set(key, new HoconDelayedMerge([.. Flatten(existing), value], value.Origin));
        }
        else
        {
            target.Set(key, value);
        }
    }

    /// <summary>A new object with <paramref name="older"/>'s fields overlaid by <paramref name="newer"/>'s; neither input changes.</summary>
    public static HoconObject MergeObjects(HoconObject older, HoconObject newer, HoconPath path)
    {
        var merged = older.ShallowCopy(newer.Origin);
        foreach (var (key, value) in newer.Fields)
        {
            SetField(merged, key, value, path);
        }

        return merged;
    }

    /// <summary>
    /// After the last layer is merged: self-references that found no earlier value become prior references to nothing,
    /// so <c>${?a}</c> vanishes and <c>${a}</c> fails with a clear message instead of a cycle.
    /// </summary>
    public static void BindUnmatchedSelfReferences(HoconObject obj, HoconPath path)
    {
        foreach (var key in obj.Keys.ToArray())
        {
            obj.TryGetField(key, out var value);
            var fieldPath = path.Append(key);
            if (value is HoconObject child)
            {
                BindUnmatchedSelfReferences(child, fieldPath);
            }
            else
            {
                obj.Set(key, BindSelfReferences(value, fieldPath, prior: null));
            }
        }
    }

    /// <summary>Rewrites substitutions of an included file so they are relative to the including object.</summary>
    public static HoconValue Reroot(HoconValue value, HoconPath prefix)
    {
        if (prefix.Length == 0)
        {
            return value;
        }

        switch (value)
        {
            case HoconSubstitution s:
                return new HoconSubstitution(prefix.Concat(s.Path), s.Optional, s.EnvironmentName, s.Origin);
            case HoconObject obj:
                var copy = new HoconObject(obj.Origin);
                foreach (var (key, child) in obj.Fields)
                {
                    copy.Set(key, Reroot(child, prefix));
                }

                return copy;
            case HoconArray array:
                return new HoconArray([.. array.Items.Select(i => Reroot(i, prefix))], array.Origin);
            case HoconConcatenation concat:
                return new HoconConcatenation([.. concat.Parts.Select(p => Reroot(p, prefix))], concat.Origin);
            case HoconDelayedMerge merge:
                return new HoconDelayedMerge([.. merge.Items.Select(i => Reroot(i, prefix))], merge.Origin);
            case HoconPriorReference prior:
                return new HoconPriorReference(
                    prior.Prior is null ? null : Reroot(prior.Prior, prefix),
                    prior.SubPath,
                    (HoconSubstitution)Reroot(prior.Substitution, prefix));
            default:
                return value;
        }
    }

    // Walks the value a key is being set to, but not into nested objects: their fields are keys of their own and are
    // bound when they merge (a = { b = ${a.b} } refers to the earlier a.b, which SetField(a, b) sees).
    private static HoconValue BindSelfReferences(HoconValue value, HoconPath fieldPath, HoconValue? prior)
    {
        switch (value)
        {
            case HoconSubstitution s when s.Path.StartsWith(fieldPath):
                return new HoconPriorReference(prior, s.Path.Skip(fieldPath.Length), s);
            case HoconConcatenation concat:
                return new HoconConcatenation([.. concat.Parts.Select(p => BindSelfReferences(p, fieldPath, prior))], concat.Origin);
            case HoconArray array when array.Items.Any(i => i.Type == HoconValueType.Unresolved):
                return new HoconArray([.. array.Items.Select(i => BindSelfReferences(i, fieldPath, prior))], array.Origin);
            case HoconDelayedMerge merge:
                return new HoconDelayedMerge([.. merge.Items.Select(i => BindSelfReferences(i, fieldPath, prior))], merge.Origin);
            default:
                return value;
        }
    }

    private static bool ContainsPriorReference(HoconValue value) => value switch
    {
        HoconPriorReference => true,
        HoconConcatenation c => c.Parts.Any(ContainsPriorReference),
        HoconDelayedMerge m => m.Items.Any(ContainsPriorReference),
        HoconArray a => a.Items.Any(ContainsPriorReference),
        _ => false,
    };

    private static IEnumerable<HoconValue> Flatten(HoconValue value)
        => value is HoconDelayedMerge merge ? merge.Items : [value];
}
