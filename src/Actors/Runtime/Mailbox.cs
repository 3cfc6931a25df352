using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace Crawler.Actors.Runtime;

/// <summary>
/// Two channels (system first, then user) and the run loop that drains them. The mailbox is itself the thread-pool
/// work item: a post flips <see cref="_status"/> from idle to scheduled and queues it once, so one actor never runs on
/// two threads and a Tell allocates nothing beyond what the channel's segment needs.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    // Messages handled per turn before the thread goes back to the pool: enough to amortise the scheduling cost,
    // few enough that one busy actor does not starve the others on a 2-core machine.
    internal const int MaxMessagesPerTurn = 100;

    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly Channel<SystemMessage> _system;

    // Unbounded user messages go to a lock-free queue: a single-reader channel serialises its writers with a Monitor,
    // which cost a fan-out producer more than the rest of a Tell put together. Bounded mailboxes keep the channel for
    // its back-pressure and drop-oldest. Exactly one of the two is set.
    private readonly ConcurrentQueue<Envelope>? _queue;
    private readonly Channel<Envelope>? _user;
    private readonly bool _backPressure;
    private ActorCell _cell = null!;
    private Action<Envelope>? _leftover;
    private volatile bool _closed;
    private int _status;
    private int _count;
    private int _systemCount;
    private volatile bool _processing;

    public Mailbox(MailboxOptions options, Action<Envelope> dropped)
    {
        _system = Channel.CreateUnbounded<SystemMessage>(new UnboundedChannelOptions { SingleReader = true });
        if (options.Capacity is int capacity)
        {
            var bounded = new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                FullMode = options.Overflow == MailboxOverflow.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            };
            _user = Channel.CreateBounded<Envelope>(bounded, e =>
            {
                Interlocked.Decrement(ref _count);
                dropped(e);
            });
            _backPressure = options.Overflow == MailboxOverflow.DropNewest;
        }
        else
        {
            _queue = new ConcurrentQueue<Envelope>();
        }
    }

    /// <summary>Set only on the actor's own turn: a failed or not yet created actor takes system messages only.</summary>
    public bool Suspended { get; set; } = true;

    /// <summary>User messages queued (approximate under concurrency); read by the smallest-mailbox router.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>True while a user message is being handled, including the awaited part of an async handler.</summary>
    public bool IsProcessing => _processing;

    public void Attach(ActorCell cell) => _cell = cell;

    /// <summary>False when the mailbox is closed (actor dead) or full; the caller routes the message to dead letters.</summary>
    public bool PostUser(in Envelope envelope)
    {
        if (_queue is not null)
        {
            return Enqueue(envelope);
        }

        Interlocked.Increment(ref _count);
        if (!_user!.Writer.TryWrite(envelope))
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        Schedule();
        return true;
    }

    /// <summary>Waits for room on a back-pressured bounded mailbox; false when the mailbox closed meanwhile.</summary>
    public async ValueTask<bool> PostUserAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        if (!_backPressure)
        {
            return PostUser(envelope);
        }

        Interlocked.Increment(ref _count);
        try
        {
            await _user!.Writer.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _count);
            throw;
        }

        Schedule();
        return true;
    }

    public bool PostSystem(SystemMessage message)
    {
        Interlocked.Increment(ref _systemCount);
        if (!_system.Writer.TryWrite(message))
        {
            Interlocked.Decrement(ref _systemCount);
            return false;
        }

        Schedule();
        return true;
    }

    /// <summary>Closes both channels; later posts fail and the caller dead-letters them. Then hands back what was queued.</summary>
    public void Close(Action<Envelope> userLeftover, Action<SystemMessage> systemLeftover)
    {
        _leftover = userLeftover;
        _closed = true;
        _user?.Writer.TryComplete();
        _system.Writer.TryComplete();

        // Pairs with the fence in Enqueue: a post racing with the close is drained either here or by its own sender.
        Interlocked.MemoryBarrier();
        DrainUser(userLeftover);

        while (_system.Reader.TryRead(out var message))
        {
            Interlocked.Decrement(ref _systemCount);
            systemLeftover(message);
        }
    }

    private bool Enqueue(in Envelope envelope)
    {
        if (_closed)
        {
            return false;
        }

        _queue!.Enqueue(envelope);

        // Counted after the enqueue: the locked increment is also the full fence that orders the enqueue before the
        // reads of _closed and _status below (a turn ending on another core reads the count after marking itself idle).
        Interlocked.Increment(ref _count);
        if (_closed)
        {
            // Close ran meanwhile and may have drained before this message landed: hand back whatever is left.
            DrainUser(_leftover!);
            return true;
        }

        Schedule();
        return true;
    }

    private void DrainUser(Action<Envelope> leftover)
    {
        Envelope envelope;
        while (_queue is not null ? _queue.TryDequeue(out envelope) : _user!.Reader.TryRead(out envelope))
        {
            Interlocked.Decrement(ref _count);
            leftover(envelope);
        }
    }

    private bool TryTake(out Envelope envelope) =>
        _queue is not null ? _queue.TryDequeue(out envelope) : _user!.Reader.TryRead(out envelope);

    private void Schedule()
    {
        // Plain read first: while the actor is scheduled (the common case under load) a Tell costs no second locked op.
        if (Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            Dispatch();
        }
    }

    // Local: an actor told by another actor's turn runs next on the same worker (other workers may steal it), so a
    // chain of messages (fetched -> supervisor -> next fetch; fetched -> parser) runs while its data is in cache
    // instead of waiting behind every item in the global queue.
    private void Dispatch() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);

    void IThreadPoolWorkItem.Execute() => Run();

    private void Run()
    {
        Debug.Assert(Volatile.Read(ref _status) == Scheduled, "one turn at a time");
        var cell = _cell;
        var budget = MaxMessagesPerTurn;

        // Taken messages are subtracted from _count once per turn, not once per message, to keep the consumer off the
        // counter's cache line; the count a router reads is then "queued plus taken this turn", close enough.
        var taken = 0;
        while (budget-- > 0)
        {
            if (Volatile.Read(ref _systemCount) > 0 && _system.Reader.TryRead(out var system))
            {
                Interlocked.Decrement(ref _systemCount);
                cell.SystemInvoke(system);
                continue;
            }

            if (Suspended || !TryTake(out var envelope))
            {
                break;
            }

            // Busy for the whole turn, written once per turn: a per-message write here would share a cache line with
            // the producers' count updates and cost more than the message itself.
            if (taken++ == 0)
            {
                _processing = true;
            }

            var pending = cell.Invoke(envelope);
            if (pending is not null)
            {
                // Busy was set before this subtraction and stays set until the handler completes: the smallest-mailbox
                // router reads the count and then the flag, so it never takes a suspended actor for idle and empty.
                Interlocked.Add(ref _count, -taken);
                ResumeWhenDone(cell, pending);
                return;
            }
        }

        if (taken > 0)
        {
            _processing = false;
            Interlocked.Add(ref _count, -taken);
        }

        Interlocked.Exchange(ref _status, Idle);
        if (HasWork())
        {
            Schedule();
        }
    }

    /// <summary>
    /// An async handler is still running: stay scheduled (so no other turn can start) and continue once it completes.
    /// Its own method, so the closure is allocated only on this path and not on every turn.
    /// </summary>
    private void ResumeWhenDone(ActorCell cell, Task pending) =>
        pending.GetAwaiter().UnsafeOnCompleted(() =>
        {
            cell.CompleteAsync(pending);
            _processing = false;
            Dispatch();
        });

    // Our own counters, not TryPeek: peeking a ConcurrentQueue-backed channel freezes its current segment, so every
    // turn would allocate a fresh segment on the next write.
    private bool HasWork() => Volatile.Read(ref _systemCount) > 0 || (!Suspended && Volatile.Read(ref _count) > 0);
}
