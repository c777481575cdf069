using Microsoft.AspNetCore.Razor.TagHelpers;

namespace NewsSite.Pages.Components;

/// <summary>
/// <c>&lt;card-meta card="…" /&gt;</c>: the line over a story's title on a card and on the home lead, its section and how
/// long ago it went out. A tag helper rather than a partial: a home page shows some thirty of them, and a partial costs a
/// view lookup and a view context of its own each (together ~8% of an uncached home page). Text goes through
/// <see cref="TagHelperContent.Append(string)"/>, so the page's encoder escapes it like any Razor expression.
/// </summary>
[HtmlTargetElement("card-meta", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CardMetaTagHelper(SiteClock clock) : TagHelper
{
    public ArticleCard Card { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "card-meta");
        output.Content
            .AppendHtml("<a href=\"/section/").Append(Card.SectionSlug).AppendHtml("\">").Append(Card.SectionName).AppendHtml("</a> · ")
            .AppendHtml("<time datetime=\"").Append(SiteClock.Machine(Card.PublishedAt))
            .AppendHtml("\" title=\"").Append(clock.Stamp(Card.PublishedAt)).AppendHtml("\">")
            .Append(clock.Ago(Card.PublishedAt)).AppendHtml("</time>");
    }
}
