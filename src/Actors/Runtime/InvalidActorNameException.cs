namespace Crawler.Actors.Runtime;

public sealed class InvalidActorNameException : Exception
{
    public InvalidActorNameException(string name, string reason)
        : base($"invalid actor name '{name}': {reason}")
    {
        Name = name;
    }

    public string Name { get; }
}
