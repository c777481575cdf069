using System.Net;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;

namespace NewsSite.Tests.Content;

/// <summary>Text from requests reaches pages and the database without the characters HTML may not carry.</summary>
public sealed class PlainTextBindingTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task A_search_query_loses_its_control_characters()
    {
        using var reader = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(reader, "/search?q=" + Uri.EscapeDataString("نبض\u0007\u0000 الخبر\uFFFF"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("نبض الخبر", page.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.Contains("«نبض الخبر»", page.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task The_editor_stores_text_without_control_characters_and_with_lf_line_breaks()
    {
        var (sectionId, authorId) = await EditorForm.SeedChoicesAsync(factory);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var fields = await EditorForm.NewArticleAsync(editor, sectionId, authorId, "عنوان\u001B[31m نظيف", body: "فقرة\u0001 أولى.\r\n\r\nفقرة ثانية.");
        fields["Input.Summary"] = "سطر\r\nسطر\u0085";

        var (response, _) = await EditorForm.PostAsync(editor, EditorForm.NewUrl, fields);

        var article = await EditorForm.StoredAsync(factory, EditorForm.SavedId(response));
        Assert.Equal("عنوان[31m نظيف", article.Title);
        Assert.Equal("فقرة أولى.\n\nفقرة ثانية.", article.BodyMarkdown);
        Assert.Equal("سطر\nسطر", article.Summary);
    }
}
