namespace Crawler.Actors.Runtime.Supervision;

/// <summary>The directive applies to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    public OneForOneStrategy(Decider decider)
        : this(-1, null, decider)
    {
    }

    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Decider decider)
        : base(decider, maxNrOfRetries, withinTimeRange)
    {
    }

    internal override void ProcessFailure(ISupervisor supervisor, bool restart, IActorRef failed, Exception cause)
    {
        if (restart && supervisor.StatsOf(failed).RequestRestartPermission(supervisor.Time, MaxNrOfRetries, WithinTimeRange))
        {
            supervisor.RestartChild(failed, cause);
        }
        else
        {
            supervisor.StopChild(failed);
        }
    }
}
