using System.Text;
using Crawler.Actors.Fetching;
using Crawler.Actors.Runtime;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Runs the link extractors on one document at a time (a pool of these shares the CPU-bound parsing) and sends the
/// links to the requester. If extraction throws, the restart hook answers with an empty result, so the supervisor
/// never waits for a parse that will not come.
/// </summary>
public sealed class ParserActor : ReceiveActor
{
    /// <summary>With the real extractors; each instance owns its own (the AngleSharp parser is not shared across threads).</summary>
    public ParserActor()
        : this(CreateDefault())
    {
    }

    public ParserActor(Func<ParseDocument, IReadOnlyList<ExtractedLink>> extract)
    {
        ArgumentNullException.ThrowIfNull(extract);
        Receive<ParseDocument>(document =>
        {
            var links = extract(document);
            document.ReplyTo.Tell(new LinksFound(document.Url, document.Depth, links), Self);
        });
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (message is ParseDocument document)
        {
            document.ReplyTo.Tell(new LinksFound(document.Url, document.Depth, [], $"{reason.GetType().Name}: {reason.Message}"), Self);
        }

        base.PreRestart(reason, message);
    }

    private static Func<ParseDocument, IReadOnlyList<ExtractedLink>> CreateDefault()
    {
        var html = new HtmlLinkExtractor();
        var css = new CssLinkExtractor();
        return document => document.Kind switch
        {
            DocumentKind.Html => html.Extract(Decode(document), document.BaseUrl),
            DocumentKind.Css => css.Extract(Decode(document), document.BaseUrl),
            _ => [],
        };
    }

    /// <summary>Decodes with the Content-Type charset when it names one we have, else UTF-8 (the web's default).</summary>
    internal static string Decode(ParseDocument document)
    {
        var encoding = Encoding.UTF8;
        var contentType = document.ContentType;
        var at = contentType?.IndexOf("charset=", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at >= 0)
        {
            var name = contentType![(at + "charset=".Length)..].Split(';')[0].Trim().Trim('"', '\'');
            try
            {
                encoding = Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                // Unknown charset: UTF-8 still finds every ASCII URL, which is what we are after.
            }
        }

        return encoding.GetString(document.Content.Span);
    }
}
