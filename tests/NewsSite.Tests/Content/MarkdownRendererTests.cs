using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsSite.Content;

namespace NewsSite.Tests.Content;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    private IDocument RenderToDocument(string markdown) => new HtmlParser().ParseDocument(_renderer.Render(markdown));

    private static string Text(IDocument document) => document.Body!.TextContent;

    [Fact]
    public void Aligned_table_columns_render_without_style_attributes_the_policy_would_block()
    {
        var document = RenderToDocument("| الاسم | العدد |\n|:--|--:|\n| أ | 1 |");

        Assert.Equal(4, document.QuerySelectorAll("th, td").Length);
        Assert.Empty(document.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void ScriptBlock_isEscaped()
    {
        var html = _renderer.Render("<script>alert(1)</script>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Empty(new HtmlParser().ParseDocument(html).QuerySelectorAll("script"));
    }

    [Fact]
    public void InlineImgTag_isEscaped()
    {
        var html = _renderer.Render("خبر <img src=x onerror=alert(1)> عاجل");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Contains("&lt;img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.DoesNotContain(document.All, e => e.HasAttribute("onerror"));
        Assert.Contains("خبر <img src=x onerror=alert(1)> عاجل", Text(document), StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlBlockWithEventHandler_isEscaped()
    {
        var document = RenderToDocument("<div onclick=\"alert(1)\">نص</div>\n\n<iframe src=\"https://evil.example\"></iframe>");

        Assert.Empty(document.QuerySelectorAll("div, iframe"));
        Assert.DoesNotContain(document.All, e => e.HasAttribute("onclick") || e.HasAttribute("src"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("<  javascript:alert(1)>")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil")]
    [InlineData("ftp://files.example/x")]
    public void UnsafeLink_isDroppedButItsTextKept(string url)
    {
        var document = RenderToDocument($"قبل [اضغط هنا]({url}) بعد");

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Value.Contains("script:", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("قبل اضغط هنا بعد", Text(document).Trim());
    }

    [Fact]
    public void UnsafeReferenceLink_isDropped()
    {
        var document = RenderToDocument("اقرأ [التفاصيل][1]\n\n[1]: javascript:alert(1)");

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Contains("التفاصيل", Text(document), StringComparison.Ordinal);
    }

    [Fact]
    public void UnsafeLinkWithFormattedText_keepsFormatting()
    {
        var document = RenderToDocument("[**مهم** جدا](javascript:alert(1))");

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Equal("مهم", document.QuerySelector("strong")?.TextContent);
        Assert.Equal("مهم جدا", Text(document).Trim());
    }

    [Theory]
    [InlineData("http://example.com/a")]
    [InlineData("https://example.com/a?b=1")]
    [InlineData("HTTPS://EXAMPLE.COM/")]
    [InlineData("mailto:editor@example.com")]
    [InlineData("/news/1/x")]
    [InlineData("/")]
    [InlineData("#anchor")]
    public void SafeLink_keepsItsHref(string url)
    {
        var document = RenderToDocument($"[الرابط]({url})");

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal(url, link.GetAttribute("href"));
        Assert.Equal("الرابط", link.TextContent);
    }

    [Fact]
    public void SiteRelativeArabicLink_keepsItsPath()
    {
        var document = RenderToDocument("[الأخبار](/news/1/الأخبار)");

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("/news/1/الأخبار", Uri.UnescapeDataString(link.GetAttribute("href")!));
    }

    [Fact]
    public void LocalImage_isKeptAndLazy()
    {
        var document = RenderToDocument("![صورة الخبر](/img/a.svg)");

        var image = Assert.Single(document.QuerySelectorAll("img"));
        Assert.Equal("/img/a.svg", image.GetAttribute("src"));
        Assert.Equal("صورة الخبر", image.GetAttribute("alt"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
    }

    [Theory]
    [InlineData("https://tracker.example/p.gif")]
    [InlineData("http://tracker.example/p.gif")]
    [InlineData("//tracker.example/p.gif")]
    [InlineData("/\\tracker.example/p.gif")]
    [InlineData("javascript:x")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("img/a.svg")]
    public void NonLocalImage_becomesPlainText(string url)
    {
        var html = _renderer.Render($"![صورة الخبر]({url})");
        var document = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Equal("صورة الخبر", Text(document).Trim());
    }

    [Fact]
    public void NonLocalReferenceImage_becomesPlainText()
    {
        var document = RenderToDocument("![بكسل][p]\n\n[p]: https://tracker.example/p.gif");

        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Contains("بكسل", Text(document), StringComparison.Ordinal);
    }

    [Fact]
    public void LocalImageInsideUnsafeLink_keepsImageDropsLink()
    {
        var document = RenderToDocument("[![صورة](/img/a.svg)](javascript:alert(1))");

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Equal("/img/a.svg", Assert.Single(document.QuerySelectorAll("img")).GetAttribute("src"));
    }

    [Fact]
    public void HttpsAutolink_isKept()
    {
        var document = RenderToDocument("<https://example.com>");

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("https://example.com", link.GetAttribute("href"));
        Assert.Equal("https://example.com", link.TextContent);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("<JAVASCRIPT:alert(1)>", "JAVASCRIPT:alert(1)")]
    [InlineData("<data:text/html,x>", "data:text/html,x")]
    public void UnsafeAutolink_isNotLinked(string markdown, string text)
    {
        var document = RenderToDocument(markdown);

        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Equal(text, Text(document).Trim());
    }

    [Fact]
    public void ArabicSubheading_isH2WithId()
    {
        var document = RenderToDocument("## عنوان فرعي");

        var heading = Assert.Single(document.QuerySelectorAll("h2"));
        Assert.False(string.IsNullOrWhiteSpace(heading.Id));
        Assert.DoesNotContain(' ', heading.Id!);
        Assert.Equal("عنوان فرعي", heading.TextContent);
    }

    [Fact]
    public void TwoArabicSubheadings_getDistinctIds()
    {
        var document = RenderToDocument("## الاقتصاد\n\nنص\n\n## الرياضة");

        var ids = document.QuerySelectorAll("h2").Select(h => h.Id).ToList();
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public void H1_becomesH2()
    {
        var html = _renderer.Render("# عنوان رئيسي\n\nنص");
        var document = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("<h1", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("عنوان رئيسي", Assert.Single(document.QuerySelectorAll("h2")).TextContent);
    }

    [Fact]
    public void DeeperHeadings_keepTheirLevel()
    {
        var document = RenderToDocument("### ثالث\n\n#### رابع");

        Assert.Equal("ثالث", Assert.Single(document.QuerySelectorAll("h3")).TextContent);
        Assert.Equal("رابع", Assert.Single(document.QuerySelectorAll("h4")).TextContent);
        Assert.Empty(document.QuerySelectorAll("h2"));
    }

    [Fact]
    public void ArabicText_isOutputAsCharacters()
    {
        var html = _renderer.Render("أعلنت الحكومة **اليوم** عن ميزانية جديدة.");

        Assert.Contains("أعلنت الحكومة <strong>اليوم</strong> عن ميزانية جديدة.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PipeTable_isRendered()
    {
        var document = RenderToDocument("| الفريق | النقاط |\n|---|---|\n| الكويت | ٣ |");

        Assert.Equal(["الفريق", "النقاط"], document.QuerySelectorAll("th").Select(c => c.TextContent));
        Assert.Equal(["الكويت", "٣"], document.QuerySelectorAll("td").Select(c => c.TextContent));
    }
}
