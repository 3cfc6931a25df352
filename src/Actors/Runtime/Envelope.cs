namespace Crawler.Actors.Runtime;

/// <summary>A user message with its sender, stored by value in the mailbox channel so a Tell allocates nothing more.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
