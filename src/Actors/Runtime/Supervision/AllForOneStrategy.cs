namespace Crawler.Actors.Runtime.Supervision;

/// <summary>Restart and Stop apply to every child of the supervisor (siblings that depend on each other); Resume only to the failed one.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(Decider decider)
        : this(-1, null, decider)
    {
    }

    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Decider decider)
        : base(decider, maxNrOfRetries, withinTimeRange)
    {
    }

    internal override void ProcessFailure(ISupervisor supervisor, bool restart, IActorRef failed, Exception cause)
    {
        var children = supervisor.ChildRefs;
        var permitted = restart;
        foreach (var child in restart ? children : [])
        {
            // Every sibling's budget is charged, as in Akka: the group restarts together or stops together.
            permitted &= supervisor.StatsOf(child).RequestRestartPermission(supervisor.Time, MaxNrOfRetries, WithinTimeRange);
        }

        foreach (var child in children)
        {
            if (permitted)
            {
                supervisor.RestartChild(child, cause);
            }
            else
            {
                supervisor.StopChild(child);
            }
        }
    }
}
