using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Crawler.TestSupport.Loopback;

/// <summary>
/// A real nginx (foreground, one process, no root needed) serving a folder on a free 127.0.0.1 port with gzip
/// on, its logs and config in a temp dir. Missing nginx fails the test with how to install it.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    public const string BinaryPath = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _directory;

    private NginxServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string Url(string pathAndQuery = "/") => BaseUrl + pathAndQuery;

    public static bool IsInstalled => File.Exists(BinaryPath);

    /// <summary>
    /// Starts nginx over <paramref name="root"/> and waits until its port accepts. Throws with a clear message
    /// when nginx is not installed (CI sets CRAWLER_REQUIRE_NGINX=1 and installs it, so there it never skips).
    /// </summary>
    public static async Task<NginxServer> StartAsync(string root)
    {
        if (!IsInstalled)
        {
            var required = Environment.GetEnvironmentVariable("CRAWLER_REQUIRE_NGINX") == "1";
            throw new InvalidOperationException(
                $"nginx is not installed at {BinaryPath} (apt-get install -y nginx)" + (required ? "; CRAWLER_REQUIRE_NGINX=1 requires it" : ""));
        }

        var directory = Directory.CreateTempSubdirectory("crawler-nginx-").FullName;
        var port = FreePort();
        var config = string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 64; }
            http {
                access_log {{directory}}/access.log;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                types {
                    text/html html htm;
                    text/css css;
                    application/javascript js;
                    image/svg+xml svg;
                    font/woff2 woff2;
                    text/plain txt;
                }
                default_type application/octet-stream;
                keepalive_timeout 30s;
                keepalive_requests 1000;
                gzip on;
                gzip_min_length 20;
                gzip_types text/css application/javascript image/svg+xml text/plain;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{Path.GetFullPath(root)}};
                    index index.html;
                }
            }
            """);
        var configPath = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);
        var start = new ProcessStartInfo(BinaryPath)
        {
            ArgumentList = { "-c", configPath, "-p", directory, "-e", Path.Combine(directory, "error.log") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var server = new NginxServer(process, directory, port);
        try
        {
            await server.WaitUntilAcceptingAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The access log so far, one request per line.</summary>
    public async Task<string[]> ReadAccessLogAsync()
    {
        var path = Path.Combine(_directory, "access.log");
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static int FreePort()
    {
        // Bind port 0, read what the kernel picked, release it for nginx; a race with another process is possible but rare.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var started = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 500 && started.Elapsed < TestTimeouts.Default; attempt++)
        {
            if (_process.HasExited)
            {
                var error = await _process.StandardError.ReadToEndAsync();
                var log = File.Exists(Path.Combine(_directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(_directory, "error.log")) : "";
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {error} {log}");
            }

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"nginx did not accept on port {Port} within {TestTimeouts.Default}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
