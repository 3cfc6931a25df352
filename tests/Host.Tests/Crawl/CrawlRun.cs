using Crawler.Host.Cli;

namespace Crawler.Host.Tests.Crawl;

/// <summary>Runs the real CLI in a scratch working directory, so the default ./mirror lands there.</summary>
internal sealed class CrawlRun : IDisposable
{
    public CrawlRun()
    {
        Root = Path.Combine(Path.GetTempPath(), "crawler-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Site = Path.Combine(Root, "site");
        Work = Path.Combine(Root, "work");
        Directory.CreateDirectory(Site);
        Directory.CreateDirectory(Work);
    }

    public string Root { get; }

    /// <summary>The generated site's files (served by the test server).</summary>
    public string Site { get; }

    /// <summary>The CLI's working directory; mirrors go under it.</summary>
    public string Work { get; }

    public void WriteSite(string relativePath, string content)
    {
        var path = Path.Combine(Site, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliEnvironment { Out = output, Error = error, IsErrorRedirected = true, CurrentDirectory = Work };
        var exit = await CliApplication.RunAsync(args, cli, handleSignals: false);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The mirror's files under <paramref name="folder"/>, '/'-separated and sorted; the crawl's own journal is not one of them.</summary>
    public static string[] Files(string folder)
        => Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Where(f => f != Crawler.Actors.Crawl.CrawlJournal.FileName)
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
