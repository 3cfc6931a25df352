using System.Threading.Channels;
using Crawler.Actors.Runtime;

namespace Crawler.TestSupport.Actors;

/// <summary>The actor behind a probe: forwards every message into the probe's channel and performs its watches.</summary>
internal sealed class ProbeActor : ReceiveActor
{
    public ProbeActor(ChannelWriter<ProbeMessage> inbox)
    {
        Receive<ProbeCommand>(command =>
        {
            if (command.Watch)
            {
                Context.Watch(command.Target);
            }
            else
            {
                Context.Unwatch(command.Target);
            }

            command.Done.TrySetResult();
        });
        ReceiveAny(message => inbox.TryWrite(new ProbeMessage(message, Sender)));
    }

    internal sealed record ProbeCommand(IActorRef Target, bool Watch, TaskCompletionSource Done);
}
