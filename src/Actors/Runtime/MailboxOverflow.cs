namespace Crawler.Actors.Runtime;

/// <summary>What a bounded mailbox does with a <c>Tell</c> when it is full. Dropped messages always go to dead letters.</summary>
public enum MailboxOverflow
{
    /// <summary>The incoming message is dropped; <c>TellAsync</c> instead waits for room (back-pressure).</summary>
    DropNewest,

    /// <summary>The oldest queued message is dropped to make room; <c>TellAsync</c> never waits.</summary>
    DropOldest,
}
