namespace Crawler.Actors.Runtime;

/// <summary>
/// One frozen handler table: handlers are tried in registration order and the first whose type (and predicate)
/// matches wins. Built only inside an actor's constructor or a <c>Become</c> configure callback.
/// </summary>
internal sealed class Behavior
{
    private readonly List<Handler> _handlers = [];
    private Handler[] _frozen = [];
    private bool _isFrozen;

    public void Add(Handler handler)
    {
        if (_isFrozen)
        {
            throw new InvalidOperationException("receive handlers can only be added in the constructor or in a Become(...) callback");
        }

        _handlers.Add(handler);
    }

    public void Freeze()
    {
        _frozen = [.. _handlers];
        _isFrozen = true;
    }

    /// <summary>False when no handler matched. <paramref name="pending"/> is the task of an async handler, if any.</summary>
    public bool TryHandle(object message, out Task? pending)
    {
        foreach (var handler in _frozen)
        {
            if (handler.TryHandle(message, out pending))
            {
                return true;
            }
        }

        pending = null;
        return false;
    }

    internal abstract class Handler
    {
        public abstract bool TryHandle(object message, out Task? pending);
    }

    internal sealed class SyncHandler<T>(Action<T> action, Func<T, bool>? predicate) : Handler
    {
        public override bool TryHandle(object message, out Task? pending)
        {
            pending = null;
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                action(typed);
                return true;
            }

            return false;
        }
    }

    internal sealed class AsyncHandler<T>(Func<T, Task> action, Func<T, bool>? predicate) : Handler
    {
        public override bool TryHandle(object message, out Task? pending)
        {
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                pending = action(typed);
                return true;
            }

            pending = null;
            return false;
        }
    }
}
