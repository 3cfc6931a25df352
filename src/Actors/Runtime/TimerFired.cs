namespace Crawler.Actors.Runtime;

/// <summary>What a timer actually enqueues; the cell checks the generation so stale timer messages are dropped.</summary>
internal sealed record TimerFired(object Key, int Generation, object Message);
