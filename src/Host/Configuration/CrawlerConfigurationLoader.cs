using System.Globalization;
using Crawler.Host.Configuration.Hocon;
using Microsoft.Extensions.Configuration;

namespace Crawler.Host.Configuration;

/// <summary>
/// Stacks the layers as HOCON (so a user file may write <c>user-agent = ${crawler.http.user-agent} " (ops)"</c>
/// against reference.conf), resolves substitutions once over the result, refuses unknown <c>crawler.*</c> keys,
/// then binds <see cref="CrawlerSettings"/> through an ordinary <see cref="ConfigurationBuilder"/>.
/// </summary>
public static class CrawlerConfigurationLoader
{
    public const string ReferenceResourceName = "reference.conf";

    public static CrawlerConfiguration Load(ConfigurationLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var merged = new HoconObject(new HoconOrigin(ReferenceResourceName, 1));
        Stack(merged, HoconParser.Parse(request.ReferenceText ?? ReadEmbeddedReference(), ReferenceResourceName, AppContext.BaseDirectory));
        foreach (var file in request.ConfigFiles)
        {
            if (!File.Exists(file))
            {
                throw new HoconException(new HoconOrigin(file, 0), "configuration file not found");
            }

            Stack(merged, HoconParser.ParseFile(file));
        }

        Stack(merged, EnvironmentLayer(request.Environment));
        foreach (var set in request.Sets)
        {
            Stack(merged, ParseSet(set));
        }

        Stack(merged, OverrideLayer(request.Overrides));

        var tree = HoconResolver.Resolve(merged, request.Environment);
        RefuseUnknownKeys(tree);
        var configuration = new ConfigurationBuilder().AddHocon(tree, SettingsSchema.Crawler).Build();
        CrawlerSettings settings;
        try
        {
            settings = configuration.GetSection(CrawlerSettings.SectionName).Get<CrawlerSettings>() ?? new CrawlerSettings();
        }
        catch (InvalidOperationException e)
        {
            throw new HoconException(new HoconOrigin("configuration", 0), e.Message, e);
        }

        SettingsRanges.Check(tree, settings);
        return new CrawlerConfiguration(tree, configuration, settings);
    }

    public static string ReadEmbeddedReference()
    {
        using var stream = typeof(CrawlerConfigurationLoader).Assembly.GetManifestResourceStream(ReferenceResourceName)
            ?? throw new InvalidOperationException($"resource {ReferenceResourceName} is missing from the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Stack(HoconObject merged, HoconObject layer)
    {
        foreach (var (key, value) in layer.Fields)
        {
            HoconMerge.SetField(merged, key, value, HoconPath.Root);
        }
    }

    private static HoconObject EnvironmentLayer(IReadOnlyDictionary<string, string> environment)
    {
        var layer = new HoconObject(new HoconOrigin("environment", 0));
        foreach (var (name, text) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (EnvironmentVariableMapper.TryMap(name, out var path))
            {
                SetPath(layer, path, ScalarFromText(text, new HoconOrigin($"env {name}", 0)));
            }
        }

        return layer;
    }

    private static HoconObject ParseSet(string set)
    {
        var equals = set.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new HoconException(new HoconOrigin("flag --set", 0), $"'{set}' is not PATH=VALUE");
        }

        var path = set[..equals].Trim();
        return HoconParser.Parse($"{path} = {set[(equals + 1)..]}", $"flag --set {path}");
    }

    private static HoconObject OverrideLayer(IReadOnlyList<ConfigOverride> overrides)
    {
        var layer = new HoconObject(new HoconOrigin("flags", 0));
        foreach (var o in overrides)
        {
            var origin = new HoconOrigin($"flag {o.Flag}", 0);
            HoconValue value = o.Value switch
            {
                bool b => new HoconBoolean(b, origin),
                TimeSpan t => new HoconString(t.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms", origin, quoted: false),
                int or long or double or float or decimal => new HoconNumber(Convert.ToString(o.Value, CultureInfo.InvariantCulture)!, origin),
                _ => ScalarFromText(Convert.ToString(o.Value, CultureInfo.InvariantCulture) ?? string.Empty, origin),
            };
            SetPath(layer, HoconPath.Parse(o.Path, origin), value);
        }

        return layer;
    }

    private static HoconValue ScalarFromText(string text, HoconOrigin origin)
    {
        if (text is "true" or "false")
        {
            return new HoconBoolean(text == "true", origin);
        }

        return HoconParser.IsNumber(text)
            ? new HoconNumber(text, origin)
            : new HoconString(text, origin, quoted: false);
    }

    private static void SetPath(HoconObject layer, HoconPath path, HoconValue value)
    {
        for (var i = path.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(value.Origin);
            wrapper.Set(path.Segments[i], value);
            value = wrapper;
        }

        HoconMerge.SetField(layer, path.Segments[0], value, HoconPath.Root);
    }

    private static void RefuseUnknownKeys(HoconObject tree)
    {
        if (tree.GetValue(CrawlerSettings.SectionName) is not HoconObject crawler)
        {
            return;
        }

        foreach (var (path, value) in HoconRenderer.Leaves(crawler, new HoconPath([CrawlerSettings.SectionName])))
        {
            var dotted = string.Join('.', path.Segments);
            if (!SettingsSchema.Crawler.Leaves.ContainsKey(dotted))
            {
                var suggestion = Nearest(dotted);
                throw new HoconException(
                    value.Origin,
                    suggestion is null
                        ? $"unknown setting '{dotted}'; run 'crawler config' to list the settings that exist"
                        : $"unknown setting '{dotted}'; did you mean '{suggestion}'?");
            }
        }
    }

    // Typos are a letter or two away; anything further is a different setting, not worth guessing at.
    private const int MaxSuggestionDistance = 3;

    private static string? Nearest(string key)
        => SettingsSchema.Crawler.Leaves.Keys
            .Select(candidate => (candidate, distance: EditDistance(key, candidate)))
            .Where(c => c.distance <= MaxSuggestionDistance)
            .OrderBy(c => c.distance)
            .ThenBy(c => c.candidate, StringComparer.Ordinal)
            .Select(c => c.candidate)
            .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
