using Crawler.Actors.Runtime.Routing;
using Crawler.Actors.Runtime.Supervision;

namespace Crawler.Actors.Runtime;

/// <summary>
/// How to create an actor: a factory (called again on every restart), its mailbox, the strategy it applies to its
/// own children, and optionally a router pool (then the factory makes the routees).
/// </summary>
public sealed record Props
{
    private Props(Func<ReceiveActor> factory, Type actorType)
    {
        Factory = factory;
        ActorType = actorType;
    }

    internal Func<ReceiveActor> Factory { get; }

    public Type ActorType { get; }

    public MailboxOptions Mailbox { get; private init; } = MailboxOptions.Unbounded;

    public SupervisorStrategy SupervisorStrategy { get; private init; } = SupervisorStrategy.Default;

    public RouterPool? Router { get; private init; }

    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ReceiveActor
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, typeof(TActor));
    }

    public Props WithMailbox(MailboxOptions mailbox) => this with { Mailbox = mailbox };

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };

    public Props WithRouter(RouterPool router) => this with { Router = router };

    internal Props WithoutRouter() => this with { Router = null };
}
