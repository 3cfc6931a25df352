using System.Text;

namespace Crawler.Host.Configuration.Hocon;

/// <summary>
/// Replaces every substitution in a merged tree, returning a new tree with none left. Substitutions look up the
/// whole tree (not the file they came from), fall back to environment variables, and a cycle is an error that
/// lists the chain of paths.
/// </summary>
public sealed class HoconResolver
{
    /// <summary>
    /// Nesting of substitutions through lists and earlier values, which have no path to detect a cycle by; real
    /// configurations stay under ten, so hitting this means a loop the path-based check could not see.
    /// </summary>
    public const int MaxDepth = 128;

    private readonly HoconObject _root;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Dictionary<HoconPath, HoconValue?> _resolved = [];
    private readonly List<HoconPath> _inProgress = [];
    private int _depth;

    private HoconResolver(HoconObject root, IReadOnlyDictionary<string, string> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <param name="environment">Variables for <c>${NAME}</c> fallbacks; tests pass their own dictionary.</param>
    public static HoconObject Resolve(HoconObject root, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        HoconMerge.BindUnmatchedSelfReferences(root, HoconPath.Root);
        var resolver = new HoconResolver(root, environment ?? new Dictionary<string, string>());
        return (HoconObject)resolver.ResolveValue(root, HoconPath.Root)!;
    }

    private HoconValue? ResolveField(HoconPath path, HoconSubstitution? via)
    {
        if (_resolved.TryGetValue(path, out var done))
        {
            return done;
        }

        var cycleStart = _inProgress.IndexOf(path);
        if (cycleStart >= 0)
        {
            var chain = string.Join(" -> ", _inProgress.Skip(cycleStart).Append(path));
            throw new HoconException(via?.Origin ?? _root.Origin, $"substitution cycle: {chain}");
        }

        var raw = LookupRaw(path, via);
        if (raw is null)
        {
            return null;
        }

        _inProgress.Add(path);
        var value = ResolveValue(raw, path);
        _inProgress.RemoveAt(_inProgress.Count - 1);
        _resolved[path] = value;
        return value;
    }

    // Walks the unresolved tree; a non-object on the way (a substitution, a merge) is resolved first.
    private HoconValue? LookupRaw(HoconPath path, HoconSubstitution? via)
    {
        HoconValue current = _root;
        for (var i = 0; i < path.Length; i++)
        {
            if (current.Type == HoconValueType.Unresolved)
            {
                current = ResolveField(new HoconPath([.. path.Segments.Take(i)]), via)!;
            }

            if (current is not HoconObject obj || !obj.TryGetField(path.Segments[i], out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <param name="path">The value's own path, or null for values with none (list items, parts, earlier values).</param>
    private HoconValue? ResolveValue(HoconValue value, HoconPath? path)
    {
        if (++_depth > MaxDepth)
        {
            throw new HoconException(value.Origin, $"substitutions nest deeper than {MaxDepth}; is there a cycle through a list?");
        }

        try
        {
            return value switch
            {
                HoconObject obj => ResolveObject(obj, path),
                HoconArray array => new HoconArray([.. array.Items.Select(i => ResolveValue(i, null)).OfType<HoconValue>()], array.Origin),
                HoconSubstitution s => ResolveSubstitution(s),
                HoconPriorReference p => ResolvePrior(p),
                HoconConcatenation c => ResolveConcatenation(c),
                HoconDelayedMerge m => ResolveMerge(m),
                _ => value,
            };
        }
        finally
        {
            _depth--;
        }
    }

    private HoconObject ResolveObject(HoconObject obj, HoconPath? path)
    {
        var result = new HoconObject(obj.Origin);
        foreach (var (key, child) in obj.Fields)
        {
            var resolved = path is null ? ResolveValue(child, null) : ResolveField(path.Append(key), null);
            if (resolved is not null)
            {
                result.Set(key, resolved);
            }
        }

        return result;
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution s)
    {
        var found = ResolveField(s.Path, s);
        return found ?? FromEnvironment(s);
    }

    private HoconString? FromEnvironment(HoconSubstitution s)
    {
        if (_environment.TryGetValue(s.EnvironmentName, out var text))
        {
            return new HoconString(text, new HoconOrigin($"env {s.EnvironmentName}", 0), quoted: false);
        }

        return s.Optional
            ? null
            : throw new HoconException(s.Origin, $"could not resolve substitution {s}: no such setting and no environment variable {s.EnvironmentName}");
    }

    private HoconValue? ResolvePrior(HoconPriorReference p)
    {
        if (p.Prior is null)
        {
            return p.Substitution.Optional
                ? FromEnvironment(p.Substitution)
                : throw new HoconException(p.Origin, $"{p.Substitution} refers to itself and has no earlier value to refer to");
        }

        var prior = ResolveValue(p.Prior, null);
        foreach (var segment in p.SubPath.Segments)
        {
            prior = prior is HoconObject obj && obj.TryGetField(segment, out var child) ? child : null;
        }

        return prior ?? FromEnvironment(p.Substitution);
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation concat)
    {
        var parts = new List<HoconValue>();
        foreach (var part in concat.Parts)
        {
            var resolved = part is HoconWhitespace ? part : ResolveValue(part, null);
            if (resolved is not null)
            {
                parts.Add(resolved);
            }
        }

        var solid = parts.Where(p => p is not HoconWhitespace).ToList();
        if (solid.Count == 0)
        {
            return null;
        }

        if (solid.Count == 1 && parts.Count == 1)
        {
            return solid[0];
        }

        if (solid.All(p => p is HoconObject))
        {
            var merged = (HoconObject)solid[0];
            foreach (var next in solid.Skip(1).Cast<HoconObject>())
            {
                merged = MergeResolved(merged, next);
            }

            return merged;
        }

        if (solid.All(p => p is HoconArray))
        {
            return new HoconArray([.. solid.SelectMany(p => ((HoconArray)p).Items)], concat.Origin);
        }

        var odd = solid.FirstOrDefault(p => p is HoconObject or HoconArray);
        if (odd is not null)
        {
            throw new HoconException(concat.Origin, $"cannot concatenate {(odd is HoconObject ? "an object" : "a list")} (from {odd.Origin}) with a string, number or boolean");
        }

        // HOCON.md: an undefined ${?x} inside a string concatenation counts as an empty string, so the whitespace stays.
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part is HoconWhitespace w ? w.Text : part.ScalarText);
        }

        return new HoconString(text.ToString(), concat.Origin, quoted: solid.Any(p => p is HoconString { Quoted: true }));
    }

    private HoconValue? ResolveMerge(HoconDelayedMerge merge)
    {
        HoconValue? result = null;
        foreach (var item in merge.Items)
        {
            var resolved = ResolveValue(item, null);
            if (resolved is null)
            {
                continue;
            }

            result = result is HoconObject older && resolved is HoconObject newer ? MergeResolved(older, newer) : resolved;
        }

        return result;
    }

    private static HoconObject MergeResolved(HoconObject older, HoconObject newer)
    {
        var merged = older.ShallowCopy(newer.Origin);
        foreach (var (key, value) in newer.Fields)
        {
            merged.Set(key, merged.TryGetField(key, out var existing) && existing is HoconObject o && value is HoconObject n
                ? MergeResolved(o, n)
                : value);
        }

        return merged;
    }
}
