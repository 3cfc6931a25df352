namespace Crawler.Actors.Runtime.Routing;

/// <summary>A message that names its own consistent-hashing key.</summary>
public interface IConsistentHashable
{
    object HashKey { get; }
}
