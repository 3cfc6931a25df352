namespace Crawler.Actors.Load;

/// <summary>Once a second during a run: what the last complete second did, for the live progress line.</summary>
/// <param name="OperationsSoFar">
/// Operations completed since the start, as far as the supervisor has heard: a worker reports a second once it is
/// over, so this trails the truth by about a second. It fills the bar of a run bounded by a request count, which the
/// per-second figures cannot do: a worker's second that arrives after the tick is never in any <c>LastSecond</c>.
/// </param>
public sealed record LoadProgress(TimeSpan Elapsed, long OperationsLastSecond, long ErrorsLastSecond, long P99NanosecondsLastSecond, long OperationsSoFar);
