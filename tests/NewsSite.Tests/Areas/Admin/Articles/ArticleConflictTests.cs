using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;
using static NewsSite.Tests.Areas.Admin.Articles.EditorForm;

namespace NewsSite.Tests.Areas.Admin.Articles;

/// <summary>Two people, one article: the second save on an old version is refused, and nobody's words are lost.</summary>
public sealed class ArticleConflictTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task The_second_save_on_an_old_version_shows_both_versions_and_overwrites_nothing()
    {
        var article = Build.Article(markdown: "النص الأصلي.");
        await factory.SaveAsync(article);
        using var first = await factory.SignInAsAsync(StaffRoles.Editor);
        using var second = await factory.SignInAsAsync(StaffRoles.Writer);
        var url = EditUrl(article.Id);
        var firstFields = await LoadAsync(first, url);
        var secondFields = await LoadAsync(second, url);

        firstFields["Input.Body"] = "نص المحرر الأول.";
        SavedId((await PostAsync(first, url, firstFields)).Response);
        secondFields["Input.Title"] = "عنوان الكاتب الثاني";
        secondFields["Input.Body"] = "نص الكاتب الثاني.";
        var (response, page) = await PostAsync(second, url, secondFields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("عدّله شخص آخر منذ فتحتَه", page.QuerySelector("#article-form [role=alert]")!.TextContent, StringComparison.Ordinal);
        var saved = page.QuerySelector(".conflict [data-version=saved]")!;
        Assert.Equal("نص المحرر الأول.", saved.QuerySelector(".conflict-body")!.TextContent);
        Assert.Equal(article.Title, saved.QuerySelector(".conflict-title")!.TextContent);
        Assert.Contains("حفظها editor-", page.QuerySelector(".conflict .field-help")!.TextContent, StringComparison.Ordinal);
        var yours = page.QuerySelector(".conflict [data-version=yours]")!;
        Assert.Equal("نص الكاتب الثاني.", yours.QuerySelector(".conflict-body")!.TextContent);
        // The unsaved words are still in the form, which now carries the version saved in between.
        var form = FieldsOf(page);
        Assert.Equal("نص الكاتب الثاني.", form["Input.Body"]);
        Assert.Equal("عنوان الكاتب الثاني", form["Input.Title"]);
        Assert.Equal((article.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), form["Input.Version"]);

        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal("نص المحرر الأول.", stored.BodyMarkdown);
        Assert.Equal(article.Title, stored.Title);
        Assert.Equal(article.Version + 1, stored.Version);
        Assert.Equal(1, await factory.QueryAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == article.Id)));

        // Merged, saved again against the new version: accepted.
        form["Input.Body"] = "نص المحرر الأول.\n\nنص الكاتب الثاني.";
        SavedId((await PostAsync(second, url, form)).Response);
        var merged = await StoredAsync(factory, article.Id);
        Assert.Equal("نص المحرر الأول.\n\nنص الكاتب الثاني.", merged.BodyMarkdown);
        Assert.Equal(article.Version + 2, merged.Version);
    }

    [Fact]
    public async Task A_change_made_outside_the_editor_is_a_conflict_too()
    {
        var article = Build.Article();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        var fields = await LoadAsync(client, EditUrl(article.Id));

        // The scheduled publisher, for one, saves articles on its own.
        await factory.QueryAsync(async db =>
        {
            var tracked = await db.Articles.SingleAsync(a => a.Id == article.Id);
            tracked.Schedule(DateTime.UtcNow.AddMinutes(-1));
            tracked.PublishIfDue(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        fields["Input.Body"] = "تعديل متأخر.";
        var (response, page) = await PostAsync(client, EditUrl(article.Id), fields, "unpublish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".conflict"));
        Assert.Contains("منشور", page.QuerySelector(".conflict .field-help")!.TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(ArticleStatus.Published, stored.Status);
        Assert.Equal(article.BodyMarkdown, stored.BodyMarkdown);
    }
}
