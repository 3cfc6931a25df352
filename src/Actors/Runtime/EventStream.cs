namespace Crawler.Actors.Runtime;

/// <summary>Publish/subscribe by event type within one system (dead letters are published here).</summary>
#pragma warning disable CA1711 // Akka's name for it; it is not a System.IO.Stream and nobody will take it for one.
public sealed class EventStream
#pragma warning restore CA1711
{
    private readonly Lock _gate = new();
    private (IActorRef Subscriber, Type Channel)[] _subscriptions = [];

    /// <summary>Events assignable to <paramref name="channel"/> are told to <paramref name="subscriber"/>.</summary>
    public void Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, (subscriber, channel)];
        }
    }

    public void Unsubscribe(IActorRef subscriber)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => !s.Subscriber.Equals(subscriber))];
        }
    }

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var (subscriber, channel) in Volatile.Read(ref _subscriptions))
        {
            if (channel.IsInstanceOfType(@event))
            {
                subscriber.Tell(@event);
            }
        }
    }
}
