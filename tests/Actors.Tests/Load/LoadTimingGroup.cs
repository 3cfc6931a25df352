namespace Crawler.Actors.Tests.Load;

/// <summary>Tests that measure real time run in this collection, with nothing else of the assembly in parallel.</summary>
[CollectionDefinition(nameof(LoadTimingGroup), DisableParallelization = true)]
public sealed class LoadTimingGroup
{
}
