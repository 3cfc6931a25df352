namespace Crawler.Actors.Runtime;

public static class ActorRefs
{
    /// <summary>The "no sender" value for <see cref="IActorRef.Tell"/>; replies to it go to dead letters.</summary>
    public static readonly IActorRef? NoSender;

    internal static bool AreEqual(IActorRef self, object? other) =>
        other is IActorRef r && r.Uid == self.Uid && string.Equals(r.Path, self.Path, StringComparison.Ordinal);

    internal static int HashOf(IActorRef self) => HashCode.Combine(self.Path, self.Uid);
}
