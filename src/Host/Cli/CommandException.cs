namespace Crawler.Host.Cli;

/// <summary>
/// A command's way to stop with a message and a chosen exit code (see <see cref="Output.ExitCodes"/>).
/// The CLI prints <c>crawler: MESSAGE</c> on stderr and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class CommandException : Exception
{
    public CommandException(int exitCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
