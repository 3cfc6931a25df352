using Crawler.Actors.Runtime;

namespace Crawler.Actors.Parsing;

/// <summary>
/// Runs the link extractors on one document at a time (a pool of these shares the CPU-bound parsing) and sends the
/// links to the requester. If extraction throws, the restart hook answers with an empty result, so the supervisor
/// never waits for a parse that will not come.
/// </summary>
public sealed class ParserActor : ReceiveActor
{
    public ParserActor(Func<ParseDocument, IReadOnlyList<DiscoveredLink>> extract)
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
}
