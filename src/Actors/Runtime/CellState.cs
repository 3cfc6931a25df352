namespace Crawler.Actors.Runtime;

internal enum CellState
{
    /// <summary>Waiting for the Create system message; user messages queue up.</summary>
    Creating,
    Running,

    /// <summary>Handler threw; suspended until the supervisor's directive arrives.</summary>
    Failed,

    /// <summary>PreRestart done; waiting for the children it stopped before making the new instance.</summary>
    Restarting,

    /// <summary>Stopping children; PostStop runs when the last one has gone.</summary>
    Terminating,
    Terminated,
}
