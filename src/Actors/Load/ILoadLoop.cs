namespace Crawler.Actors.Load;

/// <summary>A worker's request loop (one connection, or one virtual user in page mode), run beside its actor's mailbox.</summary>
internal interface ILoadLoop
{
    /// <summary>Runs until the run stops or its budget is spent; never throws (errors are counted), always returns the totals.</summary>
    Task<LoadWorkerResult> RunAsync();

    /// <summary>Aborts the current request if it has overrun the timeout; called from the watchdog timer's thread.</summary>
    void CheckTimeout(long now);
}
