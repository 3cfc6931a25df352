namespace Crawler.Actors.Runtime;

/// <summary>A ref that belongs to an <see cref="ActorSystem"/> and can take system messages (watch, stop, failure).</summary>
internal interface IInternalActorRef : IActorRef
{
    ActorSystem System { get; }

    void SendSystem(SystemMessage message);
}
