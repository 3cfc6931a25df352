namespace Crawler.Actors.Runtime;

internal sealed class LocalActorRef : IInternalActorRef
{
    private readonly ActorCell _cell;

    public LocalActorRef(ActorCell cell, string path, long uid)
    {
        _cell = cell;
        Path = path;
        Uid = uid;
    }

    public string Path { get; }

    public long Uid { get; }

    public ActorSystem System => _cell.System;

    internal ActorCell Cell => _cell;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _cell.Post(message, sender);
    }

    public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _cell.PostAsync(message, sender, cancellationToken);
    }

    public void SendSystem(SystemMessage message) => _cell.PostSystem(message);

    public override bool Equals(object? obj) => ActorRefs.AreEqual(this, obj);

    public override int GetHashCode() => ActorRefs.HashOf(this);

    public override string ToString() => $"[{Path}#{Uid}]";
}
