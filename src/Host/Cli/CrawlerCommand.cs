using System.CommandLine;

namespace Crawler.Host.Cli;

/// <summary>
/// One subcommand of <c>crawler</c>. A new command is one subclass in <c>Commands/</c> plus one line in
/// <see cref="CommandCatalog"/>. The framework handles global options, configuration, logging, Ctrl+C
/// and the mapping of exceptions to exit codes; the subclass declares its arguments and does the work.
/// </summary>
public abstract class CrawlerCommand
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>Add this command's own arguments and options; keep references to read them in <see cref="ExecuteAsync"/>.</summary>
    public virtual void Configure(Command command)
    {
    }

    /// <summary>
    /// Do the work and return an exit code. Throw <see cref="CommandException"/> to stop with a message;
    /// when <paramref name="cancellationToken"/> fires (Ctrl+C), let the <see cref="OperationCanceledException"/> out
    /// and the framework answers 130.
    /// </summary>
    public abstract Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
