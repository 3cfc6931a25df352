namespace Crawler.Actors.Runtime;

/// <summary>Conventional replies; a <see cref="Failure"/> reply faults an Ask.</summary>
public static class Status
{
#pragma warning disable CA1034 // Akka spells these Status.Success/Status.Failure; the nesting is the name.
    public sealed record Success(object? Value);

    public sealed record Failure(Exception Cause);
#pragma warning restore CA1034
}
