using System.Buffers;
using System.Text;
using System.Text.Json;
using Crawler.Actors.Fetching;
using Crawler.Protocol.Urls;

namespace Crawler.Actors.Crawl;

/// <summary>
/// What makes a crawl resumable: every URL's outcome, appended as one JSON line to a file in the output folder as the
/// URL finishes. <c>crawl --continue</c> loads it (<see cref="Load"/>) and the crawl walks the site again from its
/// seeds, but a URL the journal already holds is not fetched: a saved page is read back from the mirror and parsed
/// for its links, anything else takes its recorded outcome. So depth, scope and the mirror's names come out as one
/// uninterrupted crawl would give them, and only what the earlier run did not finish goes to the network.
/// <para>
/// Lines are gathered and written in blocks of 64 KiB: a run that is killed outright loses the last block's URLs,
/// which the next run fetches again. A torn last line is skipped on load. Written by the one supervisor that owns the crawl.
/// </para>
/// </summary>
public sealed class CrawlJournal : IDisposable
{
    /// <summary>The journal's name in the output folder; the mirror never gives a URL this name (see <see cref="Mirror.MirrorLayout.Reserve(string)"/>).</summary>
    public const string FileName = ".crawler-journal.jsonl";

    // Lines gather in memory and go to the file in blocks of about this size: one write a few hundred URLs.
    private const int BlockBytes = 64 << 10;

    private readonly FileStream _file;
    private readonly ArrayBufferWriter<byte> _block = new(BlockBytes + 1024);

    // Our own objects, one at a time, so the writer's structure checks buy nothing.
    private readonly Utf8JsonWriter _json;

    private CrawlJournal(FileStream file)
    {
        _file = file;
        _json = new Utf8JsonWriter(_block, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>
    /// Opens the journal in <paramref name="directory"/>: appended to when the crawl continues an earlier one
    /// (<paramref name="append"/>), else started afresh.
    /// </summary>
    public static CrawlJournal Open(string directory, bool append)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var file = new FileStream(Path.Combine(directory, FileName), append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        return new CrawlJournal(file);
    }

    /// <summary>Whether <paramref name="directory"/> holds a journal with anything in it.</summary>
    public static bool Exists(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var file = new FileInfo(Path.Combine(directory, FileName));
        return file.Exists && file.Length > 0;
    }

    /// <summary>Appends <paramref name="outcome"/>'s line.</summary>
    public void Record(UrlOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _json.Reset(_block);
        _json.WriteStartObject();
        _json.WriteString("url", outcome.Url.ToString());
        WriteNumber("status", outcome.StatusCode);
        _json.WriteNumber("bytes", outcome.Bytes);
        WriteString("type", outcome.ContentType);
        WriteString("saved", outcome.SavedPath);
        WriteString("redirect", outcome.RedirectTarget?.ToString());
        if (outcome.Error is { } error)
        {
            _json.WriteString("error", error.Kind.ToString());
            _json.WriteString("message", error.Message);
        }

        _json.WriteBoolean("requisite", outcome.IsRequisite);
        _json.WriteNumber("attempts", outcome.Attempts);
        _json.WriteEndObject();
        _json.Flush();
        _block.Write("\n"u8);
        if (_block.WrittenCount >= BlockBytes)
        {
            Flush();
        }
    }

    /// <summary>Writes the lines gathered so far to the file.</summary>
    public void Flush()
    {
        _file.Write(_block.WrittenSpan);
        _block.Clear();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
        _file.Dispose();
    }

    /// <summary>
    /// The outcomes an earlier run recorded in <paramref name="directory"/>, by URL, that a continued crawl takes as
    /// they are (see <see cref="IsFinal"/>); empty when there is no journal. <paramref name="skippedLines"/> counts
    /// lines that could not be read (a torn last line after a kill).
    /// </summary>
    public static Dictionary<Url, UrlOutcome> Load(string directory, out int skippedLines)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var outcomes = new Dictionary<Url, UrlOutcome>();
        skippedLines = 0;
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return outcomes;
        }

        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (TryParse(line) is not { } outcome)
            {
                skippedLines++;
                continue;
            }

            // A later line for the same URL is a later run's word on it.
            if (IsFinal(outcome))
            {
                outcomes[outcome.Url] = outcome;
            }
            else
            {
                outcomes.Remove(outcome.Url);
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Whether a continued crawl keeps this outcome instead of fetching the URL again: successes (saved, redirected)
    /// and answers the server will give again (4xx but 408 and 429). Network errors, timeouts, 5xx, crashes and the
    /// like may not happen twice, so those URLs are fetched again.
    /// </summary>
    public static bool IsFinal(UrlOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Error is not { } error
            || (error.Kind == FetchFailureKind.HttpStatus && error.StatusCode is >= 400 and < 500 and not 408 and not 429);
    }

    private static UrlOutcome? TryParse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var url = Url.Parse(root.GetProperty("url").GetString()!).Normalize();
            var status = Number(root, "status");
            var error = String(root, "error") is { } kind && Enum.TryParse<FetchFailureKind>(kind, out var failure)
                ? new FetchError(failure, String(root, "message") ?? kind, failure == FetchFailureKind.HttpStatus ? status : null)
                : null;
            return new UrlOutcome(url, 0, null)
            {
                StatusCode = status,
                Bytes = root.TryGetProperty("bytes", out var bytes) && bytes.TryGetInt64(out var count) ? count : 0,
                ContentType = String(root, "type"),
                SavedPath = String(root, "saved"),
                RedirectTarget = String(root, "redirect") is { } target ? Url.Parse(target) : null,
                Error = error,
                IsRequisite = root.TryGetProperty("requisite", out var requisite) && requisite.ValueKind == JsonValueKind.True,
                Attempts = Number(root, "attempts") ?? 1,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or UrlFormatException)
        {
            return null;
        }
    }

    private static string? String(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private void WriteString(string name, string? value)
    {
        if (value is not null)
        {
            _json.WriteString(name, value);
        }
    }

    private void WriteNumber(string name, int? value)
    {
        if (value is { } number)
        {
            _json.WriteNumber(name, number);
        }
    }
}
