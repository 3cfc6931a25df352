namespace Crawler.Actors.Runtime.Supervision;

/// <summary>What a parent does when a child fails: a <see cref="Decider"/> plus a restart budget (N within a window).</summary>
public abstract class SupervisorStrategy
{
    private protected SupervisorStrategy(Decider decider, int maxNrOfRetries, TimeSpan? withinTimeRange)
    {
        ArgumentNullException.ThrowIfNull(decider);
        Decider = decider;
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
    }

    /// <summary>One-for-one, unlimited restarts, with <see cref="DefaultDecider"/>.</summary>
    public static SupervisorStrategy Default { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one, always stop: for children whose failure should end them.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    public Decider Decider { get; }

    /// <summary>Restarts allowed per child (negative: unlimited); past it the child is stopped.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>Window for <see cref="MaxNrOfRetries"/>; null means over the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Initialisation failures stop (restarting would fail the same way forever); anything else restarts.</summary>
    public static Directive DefaultDecider(Exception exception) =>
        exception is ActorInitializationException ? Directive.Stop : Directive.Restart;

    /// <summary>Applies the decision to <paramref name="failed"/> or to all children, through <paramref name="supervisor"/>.</summary>
    internal abstract void ProcessFailure(ISupervisor supervisor, bool restart, IActorRef failed, Exception cause);

    /// <summary>False when the failure must be escalated to the supervisor's own parent.</summary>
    internal bool HandleFailure(ISupervisor supervisor, IActorRef failed, Exception cause, Directive directive)
    {
        switch (directive)
        {
            case Directive.Resume:
                supervisor.ResumeChild(failed);
                return true;
            case Directive.Restart:
                ProcessFailure(supervisor, restart: true, failed, cause);
                return true;
            case Directive.Stop:
                ProcessFailure(supervisor, restart: false, failed, cause);
                return true;
            default:
                return false;
        }
    }
}
