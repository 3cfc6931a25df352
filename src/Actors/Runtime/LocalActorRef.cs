namespace Crawler.Actors.Runtime;

internal sealed class LocalActorRef : IInternalActorRef
{
    private readonly ActorCell _cell;

    // Copied out of the cell so a Tell reads nothing the actor's own thread writes (the cell's per-message fields).
    private readonly Mailbox _mailbox;
    private readonly bool _routed;

    public LocalActorRef(ActorCell cell, Mailbox mailbox, bool routed, string path, long uid)
    {
        _cell = cell;
        _mailbox = mailbox;
        _routed = routed;
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
        if (_routed)
        {
            _cell.Post(message, sender);
        }
        else if (!_mailbox.PostUser(new Envelope(message, sender)))
        {
            _cell.Undeliverable(message, sender);
        }
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
