namespace Crawler.Actors.Parsing;

/// <summary>
/// A URL found in CSS: its decoded value, and the exact source range of the token that holds it — the whole
/// <c>url(...)</c> for an unquoted url token, or just the quoted string (quotes included) for <c>url("...")</c> and
/// <c>@import "..."</c> — so that a rewriter can replace exactly that range.
/// </summary>
public readonly record struct CssReference(string Value, bool IsImport, bool IsString, int Start, int Length);
