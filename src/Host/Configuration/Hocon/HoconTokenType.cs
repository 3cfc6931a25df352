namespace Crawler.Host.Configuration.Hocon;

internal enum HoconTokenType
{
    EndOfFile,
    Newline,
    /// <summary>Spaces and tabs inside a line; significant because they join value concatenations.</summary>
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    /// <summary><c>=</c> or <c>:</c>.</summary>
    Equals,
    PlusEquals,
    /// <summary>Unquoted text, including numbers, true/false/null and key paths such as <c>a.b.c</c>.</summary>
    Unquoted,
    /// <summary>A quoted or triple-quoted string; <see cref="HoconToken.Text"/> is the decoded value.</summary>
    Quoted,
    /// <summary><c>${path}</c> or <c>${?path}</c>; <see cref="HoconToken.Text"/> is the raw path expression.</summary>
    Substitution,
}
