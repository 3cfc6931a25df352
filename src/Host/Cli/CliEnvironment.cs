using System.Collections;

namespace Crawler.Host.Cli;

/// <summary>
/// What a command may see of the process: its streams, environment variables and working directory.
/// Tests build one with <see cref="StringWriter"/>s and a dictionary so no test touches the real console or environment.
/// </summary>
public sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>True when stderr is a file or pipe, so logs must not carry ANSI colour codes.</summary>
    public bool IsErrorRedirected { get; init; } = true;

    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// True when the command is the whole process (the <c>crawler</c> executable), so it may tune what belongs to the
    /// process, such as the thread pool's size; commands run in-process by tests leave it false and the host alone.
    /// </summary>
    public bool OwnsProcess { get; init; }

    public static CliEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        return new CliEnvironment
        {
            Out = Console.Out,
            Error = Console.Error,
            Variables = variables,
            IsErrorRedirected = Console.IsErrorRedirected,
            CurrentDirectory = Directory.GetCurrentDirectory(),
            OwnsProcess = true,
        };
    }
}
