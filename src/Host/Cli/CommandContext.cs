using System.CommandLine;
using Crawler.Host.Configuration;
using Crawler.Host.Logging;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Crawler.Host.Cli;

/// <summary>What a running command gets from the framework: parsed arguments, global options, streams, configuration, logging.</summary>
public sealed class CommandContext
{
    internal CommandContext(ParseResult parseResult, GlobalSettings global, CliEnvironment environment)
    {
        ParseResult = parseResult;
        Global = global;
        Environment = environment;
    }

    public ParseResult ParseResult { get; }

    public GlobalSettings Global { get; }

    public CliEnvironment Environment { get; }

    /// <summary>Results go here (stdout); logs and diagnostics never do.</summary>
    public TextWriter Out => Environment.Out;

    public TextWriter Error => Environment.Error;

    /// <summary>
    /// The effective configuration: reference.conf &lt; each <c>--config FILE</c> &lt; <c>CRAWLER__*</c> variables
    /// &lt; <c>--set</c> &lt; <paramref name="flags"/>. Throws <see cref="Configuration.Hocon.HoconException"/> (exit 6) when invalid.
    /// </summary>
    public CrawlerConfiguration LoadConfiguration(IReadOnlyList<ConfigOverride>? flags = null)
        => CrawlerConfigurationLoader.Load(new ConfigurationLoadRequest
        {
            ConfigFiles = [.. Global.ConfigFiles.Select(f => Path.GetFullPath(f, Environment.CurrentDirectory))],
            Environment = Environment.Variables,
            Sets = Global.Overrides,
            Overrides = flags ?? [],
        });

    /// <summary>Sizes the thread pool for an actor run (<c>crawler.actors.worker-threads</c>), when this process is ours to size.</summary>
    public void ApplyWorkerThreads(CrawlerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Environment.OwnsProcess)
        {
            WorkerThreads.Apply(settings.Actors.WorkerThreads);
        }
    }

    /// <summary>
    /// A logger factory writing to stderr, for the actor system and the command. <paramref name="commandDefault"/> is the
    /// level without -v/-q or <c>crawler.log.level</c>: Warning for <c>get</c>, Information for long jobs.
    /// The caller disposes it (which flushes Serilog).
    /// </summary>
    public ILoggerFactory CreateLoggerFactory(CrawlerSettings settings, LogEventLevel commandDefault)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var level = LogLevels.Resolve(Global, settings.Log.Level, commandDefault);
        var toConsole = ReferenceEquals(Environment.Error, Console.Error);
        return LogSetup.CreateLoggerFactory(level, LogLevels.UseColor(Global, Environment), toConsole ? null : Environment.Error);
    }
}
