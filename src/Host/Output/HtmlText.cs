using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Crawler.Protocol.Text;

namespace Crawler.Host.Output;

/// <summary>
/// What a smallest text browser would print for an HTML page (`crawler get`): the text inside &lt;body&gt;,
/// character references decoded by the HTML parser, script/style/noscript/template and [hidden] skipped,
/// block elements on their own lines (paragraphs and headings set off by a blank line), table cells separated
/// by tabs, and whitespace collapsed except inside &lt;pre&gt; and &lt;textarea&gt;. Close to the
/// HTML standard's innerText, without CSS.
/// </summary>
internal static class HtmlText
{
    // Elements whose content never prints: not rendered, or not text a reader sees.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math", "canvas", "audio", "video", "input", "button", "select",
    };

    // Blocks that get one line break around them.
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "nav",
        "ol", "plaintext", "pre", "section", "summary", "table", "caption", "tr", "ul", "xmp", "textarea", "option",
    };

    // Blocks that get a blank line around them.
    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal) { "p", "h1", "h2", "h3", "h4", "h5", "h6" };

    /// <summary>Decodes the body bytes with the detected charset (BOM, Content-Type, meta, UTF-8) and extracts the text.</summary>
    public static string Extract(ReadOnlySpan<byte> body, string? contentType) => Extract(CharsetDetector.Decode(body, contentType));

    public static string Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        // Scripting on, as in a browser with JavaScript: <noscript> content is then raw text we skip, instead of
        // markup the parser would move into the body.
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        using var document = parser.ParseDocument(html);
        return document.Body is null ? "" : Extract(document.Body);
    }

    public static string Extract(IElement body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var writer = new HtmlTextWriter();

        // How many preformatted elements enclose the current node; counted on the way in and out rather than
        // by walking ancestors for every text node.
        var preformattedDepth = 0;

        // An explicit stack: pages nest thousands of elements deep often enough to matter for recursion.
        var stack = new Stack<(INode Node, bool Leaving)>();
        PushChildren(stack, body);
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText text)
            {
                writer.Text(text.Data, preformattedDepth > 0);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (leaving)
            {
                preformattedDepth -= IsPreformatted(name) ? 1 : 0;
                Leave(writer, name);
                continue;
            }

            if (Skipped.Contains(name) || element.HasAttribute("hidden"))
            {
                continue;
            }

            if (!Enter(writer, element, name))
            {
                continue;
            }

            preformattedDepth += IsPreformatted(name) ? 1 : 0;
            stack.Push((element, true));
            PushChildren(stack, element);
        }

        return writer.ToString();
    }

    private static bool Enter(HtmlTextWriter writer, IElement element, string name)
    {
        switch (name)
        {
            case "br":
                writer.LineBreak();
                return false;
            case "td" or "th":
                if (element.PreviousElementSibling is { LocalName: "td" or "th" })
                {
                    writer.Tab();
                }

                return true;
            default:
                if (Paragraphs.Contains(name))
                {
                    writer.RequireBreaks(2);
                }
                else if (Blocks.Contains(name))
                {
                    writer.RequireBreaks(1);
                }

                return true;
        }
    }

    private static void Leave(HtmlTextWriter writer, string name)
    {
        if (Paragraphs.Contains(name))
        {
            writer.RequireBreaks(2);
        }
        else if (Blocks.Contains(name))
        {
            writer.RequireBreaks(1);
        }
    }

    private static void PushChildren(Stack<(INode Node, bool Leaving)> stack, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], false));
        }
    }

    private static bool IsPreformatted(string name) => name is "pre" or "textarea" or "listing" or "plaintext" or "xmp";
}
