using Crawler.Protocol.Urls;

namespace Crawler.Actors.Load;

/// <summary>One URL a page iteration fetches, its pre-built request, and which origin (index into <see cref="PagePlan.Origins"/>) serves it.</summary>
internal sealed record PageResource(Url Url, LoadRequest Request, int Origin);
