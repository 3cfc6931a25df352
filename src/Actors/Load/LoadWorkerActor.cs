using Crawler.Actors.Runtime;

namespace Crawler.Actors.Load;

/// <summary>
/// Owns one <see cref="ILoadLoop"/>: starts it, checks it against the request timeout on a timer, and hands
/// its totals to the parent <see cref="LoadSupervisor"/> before stopping.
/// </summary>
/// <remarks>
/// The loop runs beside the mailbox rather than inside a handler: an awaited handler would hold the mailbox
/// for the whole run and the watchdog ticks would never be processed. The loop talks to actors only through
/// <see cref="IActorRef.Tell"/> (per-second snapshots to the supervisor, its result to this actor).
/// </remarks>
internal sealed class LoadWorkerActor : ReceiveActor
{
    private readonly ILoadLoop _loop;
    private readonly TimeSpan _watchdogInterval;

    public LoadWorkerActor(ILoadLoop loop, TimeSpan watchdogInterval, TimeProvider time)
    {
        _loop = loop;
        _watchdogInterval = watchdogInterval;
        Receive<WatchdogTick>(_ => _loop.CheckTimeout(time.GetTimestamp()));
        Receive<LoadWorkerResult>(result =>
        {
            Context.Parent.Tell(result);
            Context.Stop(Self);
        });
    }

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("watchdog", WatchdogTick.Instance, _watchdogInterval);
        var self = Self;
        _ = Task.Run(_loop.RunAsync).ContinueWith(
            static (t, state) => ((IActorRef)state!).Tell(t.Result),
            self,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
