namespace Crawler.Actors.Mirror;

/// <summary>A mirror path that would land outside the output root or cannot be made safe; names the path and why.</summary>
public sealed class UnsafePathException : IOException
{
    public UnsafePathException(string path, string reason)
        : base($"unsafe mirror path '{path}': {reason}")
    {
        Path = path;
        Reason = reason;
    }

    public string Path { get; }

    public string Reason { get; }
}
