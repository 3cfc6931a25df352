namespace Crawler.Protocol.Tests.Http1;

/// <summary>
/// Allocation tests read the process-wide allocation counter, so they run alone: another test's allocations
/// during the measured window would be charged to the code under test.
/// </summary>
[CollectionDefinition(nameof(AllocationGroup), DisableParallelization = true)]
public sealed class AllocationGroup;
