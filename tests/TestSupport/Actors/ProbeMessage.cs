using Crawler.Actors.Runtime;

namespace Crawler.TestSupport.Actors;

/// <summary>A message a <see cref="TestProbe"/> received, with its sender.</summary>
public sealed record ProbeMessage(object Message, IActorRef Sender);
