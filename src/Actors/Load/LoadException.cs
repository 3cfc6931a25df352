namespace Crawler.Actors.Load;

/// <summary>A load request failed; <see cref="Kind"/> is the bucket the error is counted in.</summary>
public sealed class LoadException : Exception
{
    public LoadException(LoadErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
        => Kind = kind;

    public LoadErrorKind Kind { get; }
}
