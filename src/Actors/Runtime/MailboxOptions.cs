namespace Crawler.Actors.Runtime;

public sealed record MailboxOptions
{
    public static readonly MailboxOptions Unbounded = new();

    private MailboxOptions()
    {
    }

    /// <summary>Null for an unbounded mailbox.</summary>
    public int? Capacity { get; private init; }

    public MailboxOverflow Overflow { get; private init; }

    public static MailboxOptions Bounded(int capacity, MailboxOverflow overflow = MailboxOverflow.DropNewest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new MailboxOptions { Capacity = capacity, Overflow = overflow };
    }
}
