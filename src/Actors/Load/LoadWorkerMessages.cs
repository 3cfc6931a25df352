namespace Crawler.Actors.Load;

/// <summary>What one worker measured during one second of the run. The supervisor returns <see cref="Latency"/> to the pool after merging.</summary>
internal sealed record LoadIntervalSnapshot(int Worker, int Second, LatencyHistogram Latency, long Requests, long Errors, long Bytes);

/// <summary>A worker's totals when it stops: its own histograms, counters by error kind and by status code.</summary>
internal sealed record LoadWorkerResult(
    int Worker,
    LatencyHistogram Latency,
    LatencyHistogram? Uncorrected,
    long Operations,
    long Requests,
    long Bytes,
    long[] Errors,
    long[] StatusCounts,
    long ConnectionsOpened);
