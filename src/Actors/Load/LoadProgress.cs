namespace Crawler.Actors.Load;

/// <summary>Once a second during a run: what the last complete second did, for the live progress line.</summary>
public sealed record LoadProgress(TimeSpan Elapsed, long OperationsLastSecond, long ErrorsLastSecond, long P99NanosecondsLastSecond);
