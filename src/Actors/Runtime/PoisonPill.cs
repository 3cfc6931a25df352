namespace Crawler.Actors.Runtime;

/// <summary>A user message that stops the actor when it reaches the front of the mailbox (messages before it are processed first).</summary>
public sealed record PoisonPill
{
    public static readonly PoisonPill Instance = new();

    private PoisonPill()
    {
    }
}
