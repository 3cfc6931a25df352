namespace Crawler.Actors.Runtime.Supervision;

/// <summary>What a strategy may do to the children of the actor applying it (the actor's cell, on its own turn).</summary>
internal interface ISupervisor
{
    TimeProvider Time { get; }

    IReadOnlyList<IActorRef> ChildRefs { get; }

    RestartStatistics StatsOf(IActorRef child);

    void ResumeChild(IActorRef child);

    void RestartChild(IActorRef child, Exception cause);

    void StopChild(IActorRef child);
}
