using System.CommandLine;
using System.CommandLine.Help;
using Crawler.Host.Configuration.Hocon;
using Crawler.Host.Output;
using Crawler.Protocol;

namespace Crawler.Host.Cli;

/// <summary>Builds the <c>crawler</c> command tree and runs it, turning every outcome into an exit code.</summary>
public static class CliApplication
{
    public const string Description =
        "An actor-based crawler, cache warmer and load generator that speaks HTTP/1.1 itself.\n"
        + "Settings come from reference.conf < --config FILE... < CRAWLER__SECTION__KEY variables < --set < flags;\n"
        + "'crawler config --origin' shows the result and where each value came from.\n\n"
        + ExitCodes.Description;

    public static RootCommand BuildRootCommand(CliEnvironment environment, IReadOnlyList<CrawlerCommand>? commands = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = new RootCommand(Description);
        var globals = new GlobalOptions();
        globals.AddTo(root);
        root.SetAction(result =>
        {
            new HelpAction().Invoke(result);
            return ExitCodes.Usage;
        });

        foreach (var definition in commands ?? CommandCatalog.Create())
        {
            var command = new Command(definition.Name, definition.Description);
            definition.Configure(command);
            command.SetAction((result, cancellationToken) =>
                RunCommandAsync(definition, new CommandContext(result, globals.Read(result), environment), cancellationToken));
            root.Add(command);
        }

        return root;
    }

    /// <param name="handleSignals">True in the real process: Ctrl+C/SIGTERM cancel the token. Tests pass false.</param>
    /// <param name="commands">The subcommands; <see cref="CommandCatalog"/> when null. Tests pass their own.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        CliEnvironment environment,
        bool handleSignals = false,
        IReadOnlyList<CrawlerCommand>? commands = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = BuildRootCommand(environment, commands);
        var result = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(2) : null,
        };

        var exitCode = await result.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        // System.CommandLine answers 1 for a parse error; ours is 2, like every Unix tool.
        return result.Errors.Count > 0 && result.Action is System.CommandLine.Invocation.ParseErrorAction ? ExitCodes.Usage : exitCode;
    }

    private static async Task<int> RunCommandAsync(CrawlerCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        try
        {
            var exitCode = await command.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
            return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : exitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReportAsync(context, "interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (CommandException e)
        {
            await ReportAsync(context, e.Message).ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (HoconException e)
        {
            await ReportAsync(context, $"configuration error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.LocalError;
        }
        catch (FetchException e)
        {
            await ReportAsync(context, e.Message).ConfigureAwait(false);
            return ExitCodes.FromFetchErrorKind(e.Kind);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await ReportAsync(context, e.Message).ConfigureAwait(false);
            return ExitCodes.LocalError;
        }
#pragma warning disable CA1031 // The process boundary: anything else is a bug, reported with its stack and exit code 70.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await ReportAsync(context, $"internal error: {e}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static Task ReportAsync(CommandContext context, string message) => context.Error.WriteLineAsync($"crawler: {message}");
}
