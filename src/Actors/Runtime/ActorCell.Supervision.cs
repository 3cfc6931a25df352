using Crawler.Actors.Runtime.Supervision;

namespace Crawler.Actors.Runtime;

internal sealed partial class ActorCell : ISupervisor
{
    private object? _failedMessage;
    private Exception? _pendingRestartCause;
    private bool _escalated;

    public TimeProvider Time => _system.TimeProvider;

    public RestartStatistics StatsOf(IActorRef child) =>
        FindChild(child)?.Stats ?? new RestartStatistics();

    public void ResumeChild(IActorRef child) => ((IInternalActorRef)child).SendSystem(ResumeActor.Instance);

    public void RestartChild(IActorRef child, Exception cause) => ((IInternalActorRef)child).SendSystem(new RecreateActor(cause));

    public void StopChild(IActorRef child) => Stop(child);

    private void HandleInvokeFailure(Exception exception, object message)
    {
        RuntimeLog.ActorFailed(Logger, exception, Path, message.GetType().Name);
        if (_state != CellState.Running)
        {
            return;
        }

        _failedMessage = message;
        Suspend();
        ReportFailure(exception, escalated: false);
    }

    private void InitializationFailed(Exception exception)
    {
        var cause = exception as ActorInitializationException ?? new ActorInitializationException(Path, exception);
        RuntimeLog.HookFailed(Logger, exception, Path, "constructor/PreStart/PostRestart");
        _failedMessage = null;
        Suspend();
        ReportFailure(cause, escalated: false);
    }

    private void Suspend()
    {
        _state = CellState.Failed;
        _mailbox.Suspended = true;
    }

    private void ReportFailure(Exception cause, bool escalated)
    {
        if (_parent is null)
        {
            // The guardian has no supervisor; it handles nothing, so this is a kernel bug: stop rather than hang.
            RuntimeLog.EscalatedToGuardian(Logger, cause, Path);
            BeginTerminate();
            return;
        }

        _parent.PostSystem(new ChildFailed(_self, cause, escalated));
    }

    private void Resume()
    {
        if (_state != CellState.Failed)
        {
            return;
        }

        if (_escalated)
        {
            // Children that failed and escalated through us wait for a directive too: resuming us resumes them.
            _escalated = false;
            foreach (var child in ChildRefs)
            {
                ResumeChild(child);
            }
        }

        _failedMessage = null;
        _state = CellState.Running;
        _mailbox.Suspended = false;
    }

    private void HandleChildFailed(ChildFailed failed)
    {
        if (_state is CellState.Terminating or CellState.Terminated || FindChild(failed.Child) is null)
        {
            return;
        }

        Directive directive;
        try
        {
            directive = _strategy.Decider(failed.Cause);
        }
#pragma warning disable CA1031 // A throwing decider is a bug in the supervisor: escalate it like any failure of ours.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RuntimeLog.HookFailed(Logger, exception, Path, "supervisor decider");
            directive = Directive.Escalate;
        }

        if (_parent is null && (failed.Escalated || directive == Directive.Escalate))
        {
            RuntimeLog.EscalatedToGuardian(Logger, failed.Cause, failed.Child.Path);
            StopChild(failed.Child);
            return;
        }

        if (!_strategy.HandleFailure(this, failed.Child, failed.Cause, directive))
        {
            Escalate(failed.Cause);
        }
    }

    private void Escalate(Exception cause)
    {
        if (_state != CellState.Running)
        {
            return;
        }

        _escalated = true;
        _failedMessage = null;
        Suspend();
        ReportFailure(cause, escalated: true);
    }

    private void Restart(Exception cause)
    {
        if (_state is not (CellState.Failed or CellState.Running))
        {
            return;
        }

        _state = CellState.Restarting;
        _mailbox.Suspended = true;
        _escalated = false;
        _timers?.CancelAll();
        if (_actor is not null)
        {
            try
            {
                _actor.InvokePreRestart(cause, _failedMessage);
            }
#pragma warning disable CA1031 // Actor boundary: a throwing PreRestart must not block the restart.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                RuntimeLog.HookFailed(Logger, exception, Path, "PreRestart");
            }

            _actor = null;
        }

        if (_stopping.Count == 0)
        {
            FinishRestart(cause);
        }
        else
        {
            _pendingRestartCause = cause;
        }
    }

    private void FinishRestart(Exception cause)
    {
        _pendingRestartCause = null;
        _failedMessage = null;
        try
        {
            _actor = NewInstance();
            _actor.InvokePostRestart(cause);
        }
#pragma warning disable CA1031 // Actor boundary: a failing new instance goes to the supervisor again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            InitializationFailed(exception);
            return;
        }

        _state = CellState.Running;
        _mailbox.Suspended = false;
    }
}
