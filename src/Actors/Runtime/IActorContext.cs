using Microsoft.Extensions.Logging;

namespace Crawler.Actors.Runtime;

/// <summary>The actor's view of itself and its surroundings. Use only from the actor's own handlers and hooks.</summary>
public interface IActorContext
{
    ActorSystem System { get; }

    IActorRef Self { get; }

    /// <summary>Sender of the current message; dead letters when it was sent with no sender.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    IReadOnlyCollection<IActorRef> Children { get; }

    ITimerScheduler Timers { get; }

    ILogger Logger { get; }

    IActorRef? Child(string name);

    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child, or this actor itself; asynchronous (the stop is a system message).</summary>
#pragma warning disable CA1716 // Akka's verb; no VB consumer will ever implement this interface.
    void Stop(IActorRef actor);
#pragma warning restore CA1716

    /// <summary>Asks for a <see cref="Terminated"/> message when <paramref name="subject"/> stops (at once if already dead).</summary>
    IActorRef Watch(IActorRef subject);

    IActorRef Unwatch(IActorRef subject);

    void Become(Action configure);

    void BecomeStacked(Action configure);

    void Unbecome();
}
