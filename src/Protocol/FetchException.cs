namespace Crawler.Protocol;

/// <summary>
/// Base of every typed error the protocol layer raises. Subclasses name the precise cause
/// (an enum reason plus a message with the numbers); <see cref="Kind"/> is the broad class.
/// </summary>
public abstract class FetchException : Exception
{
    protected FetchException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public abstract FetchErrorKind Kind { get; }
}
