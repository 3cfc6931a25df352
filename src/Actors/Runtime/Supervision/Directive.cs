namespace Crawler.Actors.Runtime.Supervision;

public enum Directive
{
    /// <summary>Keep the instance and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>New instance from Props behind the same ref and mailbox; PreRestart sees the failing message.</summary>
    Restart,

    /// <summary>Stop the child (children first, then PostStop, then Terminated to watchers).</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, so its own supervisor decides.</summary>
    Escalate,
}
