namespace Crawler.Actors.Runtime;

/// <summary>A message that could not be delivered (recipient dead, mailbox full, unhandled), as published on the event stream.</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
