using BenchmarkDotNet.Attributes;
using Crawler.Protocol.Urls;

namespace Crawler.Benchmarks.Urls;

/// <summary>The per-link work of a crawl: parse a page URL, resolve an href against it, normalize for de-duplication.</summary>
[MemoryDiagnoser]
public class UrlBenchmarks
{
    // Instance fields, not constants: BenchmarkDotNet needs instance methods, and CA1822 wants them to use state.
    private readonly string _pageText = "https://www.example.com/docs/guide/index.html?lang=en#top";
    private readonly string _escapedText = "HTTP://Example.COM:80/a/./%7euser/%2e%2E/b?q=%7e";
    private readonly Url _page = Url.Parse("https://www.example.com/docs/guide/index.html?lang=en#top");

    [Benchmark]
    public Url Parse() => Url.Parse(_pageText);

    [Benchmark]
    public Url ResolveRelative() => _page.Resolve("../api/Url.html#members");

    [Benchmark]
    public Url ResolveAbsolute() => _page.Resolve("https://cdn.example.com/static/app.js");

    [Benchmark]
    public Url NormalizeAlreadyNormal() => _page.Normalize();

    [Benchmark]
    public Url NormalizeWithEscapes() => Url.Parse(_escapedText).Normalize();

    [Benchmark(Baseline = true)]
    public Uri SystemUriResolve() => new(new Uri(_pageText), "../api/Url.html#members");
}
