using Crawler.Actors.Crawl;
using Crawler.Actors.Fetching;
using Crawler.Actors.Runtime;
using Crawler.Actors.Stats;
using Crawler.Actors.Tests.Fetching;
using Crawler.Protocol;
using Crawler.TestSupport;

namespace Crawler.Actors.Tests.Crawl;

/// <summary>Wires a supervisor the way the crawl command does, against a loopback site, with fast retries.</summary>
internal sealed class SupervisorHarness : IAsyncDisposable
{
    private readonly ActorSystem _system = new("supervisor-test");
    private readonly CrawlerClient _client = new();
    private readonly CancellationTokenSource _stopping = new();

    public CrawlStats Stats { get; } = new();

    public FetcherOptions Fetcher { get; init; } = new();

    public FetchResilienceOptions Resilience { get; init; } = new() { BaseDelay = TimeSpan.Zero, MaxRetryAttempts = 1, UseCircuitBreaker = false };

    public IActorRef? Supervisor { get; private set; }

    public long DeadLetters => _system.DeadLetterCount;

    public int RobotsFetches => _robots?.Fetches ?? 0;

    private RobotsCache? _robots;

    public IActorRef Create(CrawlOptions options, IFrontier? frontier = null)
    {
        _robots = new RobotsCache(_client, RobotsRules.For("crawler"));
        var work = new FetchWork(_client, new FetchResilience(Resilience), new HostPoliteness(Fetcher.PerHost, Fetcher.Delay),
            _robots, new MemorySink { MaxParsedBytes = Fetcher.MaxParsedBytes }, Fetcher);
        Supervisor = _system.ActorOf(Props.Create(() => new CrawlSupervisor(options, work, null, Stats, _stopping.Token, frontier)), "crawl");
        return Supervisor;
    }

    public Task<CrawlResult> RunAsync(CrawlOptions options)
        => Create(options).Ask<CrawlResult>(StartCrawl.Instance, TestTimeouts.Default);

    public async ValueTask DisposeAsync()
    {
        await _system.Terminate(TestTimeouts.Default);
        await _client.DisposeAsync();
        _stopping.Dispose();
    }
}
