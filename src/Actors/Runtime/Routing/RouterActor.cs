using System.Globalization;

namespace Crawler.Actors.Runtime.Routing;

/// <summary>The actor behind a pool router: creates the routees, replaces stopped ones in their slot, answers GetRoutees.</summary>
internal sealed class RouterActor : ReceiveActor
{
    private readonly RouterPool _pool;
    private readonly Router _router;
    private readonly Props _routeeProps;

    public RouterActor(RouterPool pool, Router router, Props routeeProps)
    {
        _pool = pool;
        _router = router;
        _routeeProps = routeeProps;
        Receive<Terminated>(OnRouteeTerminated);
        Receive<GetRoutees>(_ => Sender.Tell(new Routees([.. _router.Current])));
        ReceiveAny(RouteOrDrop);
    }

    protected override void PreStart()
    {
        var routees = new LocalActorRef[_pool.NrOfInstances];
        for (var slot = 0; slot < routees.Length; slot++)
        {
            routees[slot] = CreateRoutee(slot);
        }

        _router.SetRoutees(routees);
    }

    protected override void PostStop() => _router.SetRoutees([]);

    private LocalActorRef CreateRoutee(int slot)
    {
        var routee = (LocalActorRef)Context.ActorOf(_routeeProps, slot.ToString(CultureInfo.InvariantCulture));
        Context.Watch(routee);
        return routee;
    }

    private void OnRouteeTerminated(Terminated terminated)
    {
        var routees = _router.Current;
        for (var slot = 0; slot < routees.Count; slot++)
        {
            if (routees[slot].Equals(terminated.ActorRef))
            {
                _router.Replace(slot, CreateRoutee(slot));
                return;
            }
        }
    }

    // Messages that reached the router's own mailbox: queued while it had no routees (restart), or unroutable (no hash key).
    private void RouteOrDrop(object message)
    {
        if (_router.Route(message, Sender, out var routee))
        {
            routee?.Tell(message, Sender);
        }
        else
        {
            Unhandled(message);
        }
    }
}
