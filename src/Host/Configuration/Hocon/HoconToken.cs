namespace Crawler.Host.Configuration.Hocon;

internal readonly record struct HoconToken(HoconTokenType Type, string Text, int Line, int Column, bool Optional = false)
{
    public string Describe() => Type switch
    {
        HoconTokenType.EndOfFile => "end of file",
        HoconTokenType.Newline => "end of line",
        HoconTokenType.Whitespace => "whitespace",
        HoconTokenType.Quoted => $"string \"{Text}\"",
        HoconTokenType.Unquoted => $"'{Text}'",
        HoconTokenType.Substitution => $"${{{(Optional ? "?" : string.Empty)}{Text}}}",
        HoconTokenType.PlusEquals => "'+='",
        _ => $"'{Text}'",
    };
}
