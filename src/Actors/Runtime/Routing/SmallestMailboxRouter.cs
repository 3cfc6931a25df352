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

            // Count first, then the busy flag. A turn marks itself busy before it subtracts what it took, so reading the
            // flag first could see "not busy" before the routee took a message and "nothing queued" after its async
            // handler had suspended: a routee blocked in a long handler taken for idle and empty. In this order a zero
            // count is followed by a busy flag that is still set until that handler completes.
            var queued = mailbox.Count;
            var busy = mailbox.IsProcessing;
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
