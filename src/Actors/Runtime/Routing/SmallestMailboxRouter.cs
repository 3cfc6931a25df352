namespace Crawler.Actors.Runtime.Routing;

internal sealed class SmallestMailboxRouter : Router
{
    protected override int Select(object message, LocalActorRef[] routees)
    {
        var best = 0;
        var bestScore = long.MaxValue;
        for (var i = 0; i < routees.Length; i++)
        {
            var mailbox = routees[i].Cell.Mailbox;
            var busy = mailbox.IsProcessing;
            var queued = mailbox.Count;
            if (!busy && queued == 0)
            {
                return i;
            }

            // A busy routee with n queued is behind an idle one with n queued.
            var score = ((long)queued * 2) + (busy ? 1 : 0);
            if (score < bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        return best;
    }
}
