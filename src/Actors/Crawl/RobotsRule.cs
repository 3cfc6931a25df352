namespace Crawler.Actors.Crawl;

/// <summary>One Allow or Disallow line of a robots.txt group, its path pattern normalised for matching.</summary>
public readonly record struct RobotsRule(bool Allow, string Pattern);
