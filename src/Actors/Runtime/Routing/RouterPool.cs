using Crawler.Actors.Runtime.Supervision;

namespace Crawler.Actors.Runtime.Routing;

/// <summary>
/// A pool router: <c>Props.WithRouter(pool)</c> creates a router actor whose children, named <c>0</c>..<c>n-1</c>, are
/// made from the same Props. Messages told to the router are routed on the sender's thread (no extra hop), except
/// <see cref="PoisonPill"/> (stops the router and its routees); <see cref="Broadcast"/> goes to every routee. Messages
/// told before the routees exist wait in the router's mailbox, and later ones queue behind them until that backlog has
/// drained, so one sender's messages keep their order.
/// A routee that is stopped is replaced by a new one in the same slot, so hashing stays stable.
/// </summary>
public abstract record RouterPool
{
    protected RouterPool(int nrOfInstances)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nrOfInstances, 1);
        NrOfInstances = nrOfInstances;
    }

    public int NrOfInstances { get; }

    /// <summary>How the router supervises its routees; by default restart (same ref and mailbox, so the slot keeps working).</summary>
    public SupervisorStrategy SupervisorStrategy { get; init; } = SupervisorStrategy.Default;

    internal abstract Router CreateRouter();
}
