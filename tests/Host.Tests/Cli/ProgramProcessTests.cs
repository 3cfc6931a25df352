using System.Diagnostics;
using System.Text.Json;
using Crawler.Host.Output;
using Crawler.TestSupport;

namespace Crawler.Host.Tests.Cli;

/// <summary>The real executable, end to end: Program.Main, the embedded reference.conf, the process exit code.</summary>
public sealed class ProgramProcessTests
{
    private static ProcessStartInfo StartInfo(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ExecutablePath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CRAWLER__CRAWL__DEPTH"] = "2";
        return start;
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    // The test folder's copy of crawler.dll lacks the Microsoft.Extensions assemblies (the tests get them from the
    // ASP.NET Core framework), so run the executable from its own artifacts folder: bin/Crawler.Host/<configuration>.
    private static string ExecutablePath()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(testDirectory.Parent!.Parent!.FullName, "Crawler.Host", testDirectory.Name, "crawler.dll");
        Assert.True(File.Exists(path), $"built executable not found at {path}");
        return path;
    }

    [Fact]
    public async Task Executable_ConfigJson_PrintsEffectiveConfigurationWithEnvironment()
    {
        var (exitCode, output, error) = await RunAsync("config", "--json");
        Assert.True(exitCode == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var crawl = json.RootElement.GetProperty("crawler").GetProperty("crawl");
        Assert.Equal(2, crawl.GetProperty("depth").GetInt32());
        Assert.Equal(8, crawl.GetProperty("concurrency").GetInt32());
    }

    [Fact]
    public async Task Executable_UnknownOption_ExitsUsageWithMessageOnStderr()
    {
        var (exitCode, output, error) = await RunAsync("--definitely-not-an-option");
        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--definitely-not-an-option", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--definitely-not-an-option", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_SigintDuringFetch_Exits130()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // A peer that accepts and then says nothing, so `get` is still waiting when the signal arrives.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var process = Process.Start(StartInfo(["get", $"http://127.0.0.1:{port}/"]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        using var accepted = await listener.AcceptSocketAsync(timeout.Token);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == ExitCodes.Interrupted, $"exit {process.ExitCode}; stderr: {await error}");
        Assert.Empty(await output);
    }
}
