namespace Crawler.Host.Cli;

/// <summary>
/// How many thread-pool workers an actor run keeps. With hill climbing off (see the Host project), the pool holds its
/// minimum unless work stops moving, so the minimum is the size. The default leaves a core for the socket engine's
/// thread, which is busy in every run that reads sockets: with a worker per core besides it, the threads took turns on
/// the cores instead of working (the bench crawl, nginx on one of two cores: involuntary context switches 33k -> 19k,
/// about 8 % less CPU and 4 % less wall time).
/// </summary>
public static class WorkerThreads
{
    /// <summary>The workers for <paramref name="configured"/> (0 = automatic) on <paramref name="processorCount"/> cores.</summary>
    public static int Resolve(int configured, int processorCount) => configured > 0 ? configured : Math.Max(1, processorCount - 1);

    /// <summary>Sets the pool's minimum and its present size to the workers for <paramref name="configured"/>.</summary>
    /// <remarks>
    /// Lowering the minimum alone leaves the pool at the size it started with (the minimum it read at start-up);
    /// capping the maximum at the new size brings it down, and putting the maximum back leaves room for the pool's
    /// starvation check to add threads if work ever stops moving (a blocking call), as it would have before.
    /// </remarks>
    public static void Apply(int configured)
    {
        var workers = Resolve(configured, Environment.ProcessorCount);
        ThreadPool.GetMinThreads(out _, out var minCompletionPort);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxCompletionPort);
        if (workers >= maxWorkers || !ThreadPool.SetMinThreads(workers, minCompletionPort))
        {
            return;
        }

        ThreadPool.SetMaxThreads(workers, maxCompletionPort);
        ThreadPool.SetMaxThreads(maxWorkers, maxCompletionPort);
    }
}
