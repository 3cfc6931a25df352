using System.CommandLine;
using Crawler.Host.Cli;
using Crawler.Host.Configuration;
using Crawler.Host.Configuration.Hocon;
using Crawler.Host.Output;

namespace Crawler.Host.Commands;

/// <summary><c>crawler config [PATH] [--origin] [--json]</c>: prints the effective configuration.</summary>
public sealed class ConfigCommand : CrawlerCommand
{
    private readonly Argument<string?> _path = new("path")
    {
        Description = "Print only this setting or section, e.g. crawler.http (a single value prints bare).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _origin = new("--origin")
    {
        Description = "Show where each value came from: reference.conf:LINE, FILE:LINE, env NAME or flag --x.",
        Arity = ArgumentArity.Zero,
    };

    public override string Name => "config";

    public override string Description =>
        "Print the effective configuration (reference.conf, --config files, CRAWLER__* variables and flags, merged) as HOCON or --json.";

    public override void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(_path);
        command.Add(_origin);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tree = context.LoadConfiguration().Tree;
        if (context.Global.Json)
        {
            // JSON readers want true and 65536, not on and 64k.
            tree = SettingsSchema.Crawler.Normalize(tree);
        }

        var path = context.ParseResult.GetValue(_path);
        var withOrigins = context.ParseResult.GetValue(_origin);
        HoconValue selected = tree;
        if (!string.IsNullOrWhiteSpace(path))
        {
            selected = tree.GetValue(path)
                ?? throw new CommandException(ExitCodes.Usage, $"no setting at '{path}'; run 'crawler config' to list them");
        }

        string text;
        if (selected is HoconObject obj)
        {
            text = (context.Global.Json, withOrigins) switch
            {
                (true, true) => HoconRenderer.ToJsonWithOrigins(obj),
                (true, false) => HoconRenderer.ToJson(obj),
                (false, _) => HoconRenderer.ToHocon(obj, withOrigins),
            };
        }
        else
        {
            text = context.Global.Json ? HoconRenderer.ToJson(selected) : (selected.ScalarText ?? HoconRenderer.ToJson(selected)) + "\n";
            if (withOrigins && !context.Global.Json)
            {
                text = $"{text.TrimEnd('\n')}  # {selected.Origin}\n";
            }
        }

        await context.Out.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
