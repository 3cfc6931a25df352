namespace Crawler.Actors.Runtime.Supervision;

/// <summary>A pure function from the failure to what the supervisor does about it.</summary>
public delegate Directive Decider(Exception exception);
