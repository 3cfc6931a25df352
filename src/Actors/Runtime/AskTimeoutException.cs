namespace Crawler.Actors.Runtime;

public sealed class AskTimeoutException : TimeoutException
{
    public AskTimeoutException(string targetPath, TimeSpan timeout, Type messageType)
        : base($"ask of {targetPath} with {messageType.Name} got no reply within {timeout.TotalMilliseconds:0} ms")
    {
        TargetPath = targetPath;
        Timeout = timeout;
    }

    public string TargetPath { get; }

    public TimeSpan Timeout { get; }
}
