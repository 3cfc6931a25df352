namespace Crawler.Actors.Runtime;

/// <summary>The <c>/user</c> actor: the parent of every top-level actor. It handles nothing itself.</summary>
internal sealed class GuardianActor : ReceiveActor
{
}
