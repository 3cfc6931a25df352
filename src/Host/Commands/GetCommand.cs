using System.CommandLine;
using System.Text;
using System.Text.Json;
using Crawler.Host.Cli;
using Crawler.Host.Configuration;
using Crawler.Host.Output;
using Crawler.Host.Sample;
using Crawler.Protocol;
using Crawler.Protocol.Text;
using Crawler.Protocol.Urls;
using Serilog.Events;

namespace Crawler.Host.Commands;

/// <summary>
/// <c>crawler get [URL]</c>: the smallest browser. Prints a page's text (body only, entities decoded), or the raw
/// source for <c>view-source:URL</c>; with no URL, the sample page shipped with the program.
/// </summary>
public sealed class GetCommand : CrawlerCommand
{
    // Text is printed from memory; a page larger than this is refused for printing (save it with -o instead).
    private const int MaxPrintedBodyBytes = 64 * 1024 * 1024;

    private readonly Argument<string?> _url = new("url")
    {
        Description = "http, https, file, data or view-source: URL. Without one, the sample page shipped with crawler.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _include = new("--include", "-i")
    {
        Description = "Print the status line and response headers first, like curl -i.",
        Arity = ArgumentArity.Zero,
    };

    private readonly Option<FileInfo?> _output = new("--output", "-o")
    {
        Description = "Save the body (content-decoded bytes) to FILE instead of printing its text.",
    };

    private readonly Option<int?> _maxRedirects = new("--max-redirects")
    {
        Description = "Follow at most N redirects (crawler.http.max-redirects; 0 prints the redirect itself).",
    };

    private readonly Option<string[]> _headers = new("--header", "-H")
    {
        Description = "Add a request header, 'Name: value'; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<bool> _insecure = new("--insecure", "-k")
    {
        Description = "Do not validate TLS certificates (crawler.http.insecure).",
        Arity = ArgumentArity.Zero,
    };

    private readonly Option<string?> _userAgent = new("--user-agent", "-A")
    {
        Description = "The User-Agent header (crawler.http.user-agent).",
    };

    public override string Name => "get";

    public override string Description =>
        "Fetch one URL and print its text (body only, entities decoded), or the raw source with view-source:URL.";

    public override void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(_url);
        command.Add(_include);
        command.Add(_output);
        command.Add(_maxRedirects);
        command.Add(_headers);
        command.Add(_insecure);
        command.Add(_userAgent);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = context.ParseResult;
        var configuration = context.LoadConfiguration(Flags(result));
        using var loggerFactory = context.CreateLoggerFactory(configuration.Settings, LogEventLevel.Warning);

        var text = result.GetValue(_url);
        if (string.IsNullOrWhiteSpace(text))
        {
            return await PrintSamplePageAsync(context, cancellationToken);
        }

        var url = Url.Parse(text.Trim());
        var request = new FetchRequest(url)
        {
            Headers = ParseHeaders(result.GetValue(_headers) ?? []),
            MaxRedirects = result.GetValue(_maxRedirects),
            FollowRedirects = result.GetValue(_maxRedirects) is not 0,
        };

        await using var client = new CrawlerClient(ClientOptionsFactory.Create(configuration.Settings.Http));
        await using var response = await client.SendAsync(request, cancellationToken);
        var output = result.GetValue(_output);
        if (result.GetValue(_include) && !context.Global.Json)
        {
            await WriteHeadAsync(context.Out, response);
        }

        long bytes;
        string? body = null;
        if (output is not null)
        {
            bytes = await SaveAsync(response.Body, output, cancellationToken);
        }
        else
        {
            var raw = await ReadBoundedAsync(response.Body, cancellationToken);
            bytes = raw.Length;
            body = Render(url, response.ContentType, raw);
        }

        if (context.Global.Json)
        {
            await context.Out.WriteLineAsync(ToJson(response, bytes, body));
        }
        else if (body is not null)
        {
            await context.Out.WriteAsync(body.AsMemory(), cancellationToken);
            if (body.Length > 0 && body[^1] != '\n')
            {
                await context.Out.WriteLineAsync();
            }
        }

        if (response.StatusCode >= 400)
        {
            await context.Error.WriteLineAsync($"crawler: HTTP {response.StatusCode} {response.ReasonPhrase} for {response.Url}");
            return ExitCodes.HttpFailure;
        }

        return ExitCodes.Ok;
    }

    private IReadOnlyList<ConfigOverride> Flags(ParseResult result) => new ConfigOverrideBuilder(result)
        .Add(_maxRedirects, "crawler.http.max-redirects")
        .Add(_insecure, "crawler.http.insecure")
        .Add(_userAgent, "crawler.http.user-agent")
        .Build();

    private static async Task<int> PrintSamplePageAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var page = SampleSite.ReadAllBytes(SampleSite.IndexPath);
        var text = HtmlText.Extract(page, "text/html; charset=utf-8");
        await context.Out.WriteLineAsync(text.AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>'Name: value' pairs; a malformed one is a usage error (CR/LF/NUL are refused later by the protocol layer).</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> ParseHeaders(IEnumerable<string> headers)
    {
        var parsed = new List<KeyValuePair<string, string>>();
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new CommandException(ExitCodes.Usage, $"header '{header}' is not 'Name: value'");
            }

            parsed.Add(new(header[..colon].Trim(), header[(colon + 1)..].Trim()));
        }

        return parsed;
    }

    /// <summary>What prints: the source as text for view-source: and non-HTML text, the page's text for HTML.</summary>
    internal static string Render(Url requested, string? contentType, byte[] body)
    {
        var isSource = requested.Scheme == "view-source";
        if (!isSource && IsHtml(contentType, body))
        {
            return HtmlText.Extract(body, contentType);
        }

        if (!isSource && !IsText(contentType))
        {
            throw new CommandException(
                ExitCodes.Usage,
                $"the body is {contentType ?? "of unknown type"} ({body.Length} bytes), not text; save it with -o FILE");
        }

        return CharsetDetector.Decode(body, contentType);
    }

    private static bool IsHtml(string? contentType, ReadOnlySpan<byte> body)
    {
        var mediaType = MediaType(contentType);
        if (mediaType.Length > 0)
        {
            return mediaType is "text/html" or "application/xhtml+xml";
        }

        // No Content-Type: sniff the start, as browsers do for untyped responses.
        var head = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 512)]).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsText(string? contentType)
    {
        var mediaType = MediaType(contentType);
        return mediaType.Length == 0
            || mediaType.StartsWith("text/", StringComparison.Ordinal)
            || mediaType.EndsWith("+xml", StringComparison.Ordinal)
            || mediaType.EndsWith("+json", StringComparison.Ordinal)
            || mediaType is "application/json" or "application/xml" or "application/javascript" or "image/svg+xml";
    }

    private static string MediaType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return "";
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxPrintedBodyBytes)
            {
                throw new CommandException(ExitCodes.Usage, $"the body is over {MaxPrintedBodyBytes / (1024 * 1024)} MiB; save it with -o FILE");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // Streams to a temporary file beside the target and renames it, so an interrupted download never leaves a
    // truncated file under the requested name.
    private static async Task<long> SaveAsync(Stream body, FileInfo output, CancellationToken cancellationToken)
    {
        var directory = output.Directory ?? new DirectoryInfo(Environment.CurrentDirectory);
        directory.Create();
        var temporary = Path.Combine(directory.FullName, $".{output.Name}.{Guid.NewGuid():N}.part");
        try
        {
            long length;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await body.CopyToAsync(file, cancellationToken);
                length = file.Length;
            }

            File.Move(temporary, output.FullName, overwrite: true);
            return length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task WriteHeadAsync(TextWriter writer, FetchResponse response)
    {
        var head = new StringBuilder();
        head.Append(response.Version).Append(' ').Append(response.StatusCode).Append(' ').Append(response.ReasonPhrase).Append('\n');
        foreach (var (name, value) in response.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append('\n');
        }

        head.Append('\n');
        await writer.WriteAsync(head.ToString());
    }

    // Written by hand like the other reports (not JsonSerializer over an anonymous type): the shipped binary is
    // native AOT, where reflection-based serialization is not available.
    private static string ToJson(FetchResponse response, long bytes, string? text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("url", response.Url.ToString());
            json.WriteNumber("status", response.StatusCode);
            json.WriteString("reason", response.ReasonPhrase);
            json.WriteStartArray("redirects");
            foreach (var hop in response.RedirectChain)
            {
                json.WriteStringValue(hop.ToString());
            }

            json.WriteEndArray();
            json.WriteStartArray("headers");
            foreach (var (name, value) in response.Headers)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("value", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("contentType", response.ContentType);
            json.WriteNumber("bytes", bytes);
            json.WriteBoolean("fromCache", response.FromCache);
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
