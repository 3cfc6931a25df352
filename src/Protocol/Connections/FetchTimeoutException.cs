namespace Crawler.Protocol.Connections;

/// <summary>A timeout fired; the message names which one and its value.</summary>
public sealed class FetchTimeoutException : FetchException
{
    public FetchTimeoutException(FetchTimeout timeout, TimeSpan value, string? where = null)
        : base($"{timeout} timeout of {value.TotalMilliseconds:0} ms elapsed" + (where is null ? "" : $" ({where})"))
    {
        Timeout = timeout;
        Value = value;
    }

    public FetchTimeout Timeout { get; }

    public TimeSpan Value { get; }

    public override FetchErrorKind Kind => FetchErrorKind.Timeout;
}
