namespace Crawler.Actors.Load;

/// <summary>How requests are paced.</summary>
public enum LoadModel
{
    /// <summary>wrk-style: each connection sends its next request when the previous response ends.</summary>
    Closed,
    /// <summary>wrk2/vegeta-style: a fixed schedule at a given rate; latency counts from the schedule.</summary>
    Open,
    /// <summary>Each virtual user loads the page and all its requisites, up to 6 connections per host.</summary>
    Page,
}
