namespace Crawler.Actors.Runtime.Routing;

/// <summary>The routing state shared by a router cell (which routes on the caller's thread) and its RouterActor (which manages routees).</summary>
internal abstract class Router
{
    private LocalActorRef[] _routees = [];

    public IReadOnlyList<LocalActorRef> Current => Volatile.Read(ref _routees);

    public void SetRoutees(LocalActorRef[] routees)
    {
        OnRouteesChanged(routees.Length);
        Volatile.Write(ref _routees, routees);
    }

    public void Replace(int slot, LocalActorRef routee)
    {
        var copy = (LocalActorRef[])Volatile.Read(ref _routees).Clone();
        copy[slot] = routee;
        Volatile.Write(ref _routees, copy);
    }

    /// <summary>
    /// True when the message was dealt with here: broadcast (then <paramref name="routee"/> is null) or a routee chosen.
    /// False for messages the router actor itself must see: PoisonPill, GetRoutees, anything unroutable.
    /// </summary>
    public bool Route(object message, IActorRef? sender, out LocalActorRef? routee)
    {
        routee = null;
        if (message is PoisonPill or GetRoutees)
        {
            return false;
        }

        var routees = Volatile.Read(ref _routees);
        if (routees.Length == 0)
        {
            return false;
        }

        if (message is Broadcast broadcast)
        {
            foreach (var each in routees)
            {
                each.Tell(broadcast.Message, sender);
            }

            return true;
        }

        var index = Select(message, routees);
        if (index < 0)
        {
            return false;
        }

        routee = routees[index];
        return true;
    }

    /// <summary>Index of the routee for this message, or -1 if it cannot be routed.</summary>
    protected abstract int Select(object message, LocalActorRef[] routees);

    protected virtual void OnRouteesChanged(int count)
    {
    }
}
