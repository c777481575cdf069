using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsSite.Content;

/// <summary>
/// The one Markdown pipeline for article bodies: raw HTML is escaped, links may only be http, https,
/// mailto or on this site, images only from this site, and headings get ids for in-page links.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .Build();

    public string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            // The page title is the only h1; a "# " in the body becomes a subheading.
            heading.Level = Math.Max(heading.Level, 2);
        }
        foreach (var column in document.Descendants<Markdig.Extensions.Tables.Table>().SelectMany(t => t.ColumnDefinitions))
        {
            // Column alignment renders as a style="" attribute, which the Content-Security-Policy blocks; the stylesheet aligns cells.
            column.Alignment = null;
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            MakeSafe(link);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsAllowedLink(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static void MakeSafe(LinkInline link)
    {
        if (link.IsImage)
        {
            if (AbsoluteHttpUrl.IsLocalPath(link.Url))
            {
                link.GetAttributes().AddPropertyIfNotExist("loading", "lazy");
            }
            else
            {
                link.ReplaceBy(new LiteralInline(TextOf(link)), copyChildren: false);
            }
        }
        else if (!IsAllowedLink(link.Url))
        {
            // Keep the words, drop the link.
            foreach (var child in link.ToList())
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
        }
    }

    private static string TextOf(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    internal static bool IsAllowedLink(string? url) =>
        url is not null
        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith('#')
            || AbsoluteHttpUrl.IsLocalPath(url));
}
