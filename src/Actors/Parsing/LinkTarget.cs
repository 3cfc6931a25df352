namespace Crawler.Actors.Parsing;

/// <summary>What an element attribute refers to: how its value holds URLs, and what kind of link it makes.</summary>
public readonly record struct LinkTarget(LinkKind Kind, ValueFormat Format);
