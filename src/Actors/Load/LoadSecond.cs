namespace Crawler.Actors.Load;

/// <summary>One point of the per-second time series: what completed during second <see cref="Second"/> of the run.</summary>
/// <param name="Second">0-based second since the run started.</param>
/// <param name="P99Nanoseconds">p99 of the latencies (corrected, when the model corrects) completed in that second; 0 when none.</param>
public sealed record LoadSecond(int Second, long Requests, long Errors, long Bytes, long P99Nanoseconds);
