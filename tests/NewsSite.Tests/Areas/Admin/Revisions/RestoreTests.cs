using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;

namespace NewsSite.Tests.Areas.Admin.Revisions;

public sealed class RestoreTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static Dictionary<string, string> Seen(int version) => new() { ["SeenVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private Task<Article> ArticleAsync(int id) =>
        factory.QueryAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<List<ArticleRevision>> RevisionsAsync(int id) =>
        factory.QueryAsync(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Version).ToListAsync());

    private Task<List<AuditEntry>> AuditAsync(int id) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == "Article" && e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToListAsync());

    [Fact]
    public async Task Restore_brings_back_the_old_text_as_a_new_revision_and_keeps_the_status()
    {
        var history = await History.CreateAsync(factory);
        var id = history.Article.Id;
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var url = $"/admin/articles/{id}/revisions/{history.First.Id}";

        var response = await NewsSiteFactory.PostFormAsync(editor, url, Seen(3));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/articles/{id}/revisions", response.Headers.Location!.OriginalString);
        var article = await ArticleAsync(id);
        Assert.Equal(History.FirstTitle, article.Title);
        Assert.Equal("ملخص أول.", article.Summary);
        Assert.Equal(History.FirstBody, article.BodyMarkdown);
        Assert.Contains("<p>فقرة حذفت لاحقًا.</p>", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", article.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(4, article.Version);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(history.Article.Slug, article.Slug);

        var revisions = await RevisionsAsync(id);
        Assert.Equal([1, 2, 3, 4], revisions.Select(r => r.Version));
        Assert.Equal(History.FirstTitle, revisions[3].Title);
        Assert.Equal(History.FirstBody, revisions[3].BodyMarkdown);
        Assert.Equal(ArticleStatus.Published, revisions[3].Status);
        Assert.Equal("Editor", revisions[3].SavedByName);
        // History is added to, never rewritten.
        Assert.Equal(History.CurrentBody, revisions[2].BodyMarkdown);

        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal("restore", audit.Action);
        Assert.Equal("revision 1", audit.Details);

        var (_, list) = await NewsSiteFactory.GetPageAsync(editor, $"/admin/articles/{id}/revisions");
        Assert.Contains("استُعيد نص النسخة 1", list.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("النسخة 4", list.QuerySelector("tbody tr td")!.TextContent);
    }

    [Fact]
    public async Task A_writer_cannot_restore_the_words_of_a_published_story()
    {
        var history = await History.CreateAsync(factory);
        var id = history.Article.Id;
        using var writer = await factory.SignInAsAsync(StaffRoles.Writer);

        var response = await NewsSiteFactory.PostFormAsync(writer, $"/admin/articles/{id}/revisions/{history.First.Id}", Seen(3));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var article = await ArticleAsync(id);
        Assert.Equal(3, article.Version);
        Assert.Equal(History.CurrentBody, article.BodyMarkdown);
        Assert.Empty(await AuditAsync(id));
    }

    [Fact]
    public async Task A_stale_restore_is_refused_in_arabic_and_changes_nothing()
    {
        var history = await History.CreateAsync(factory);
        var id = history.Article.Id;
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        // The page was opened at version 2; the article has been saved since (it is at 3).
        var response = await NewsSiteFactory.PostFormAsync(editor, $"/admin/articles/{id}/revisions/{history.First.Id}", Seen(2));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("فلم يُستعد شيء", page.QuerySelector("[role=alert]")!.TextContent);
        // The form now carries the version just shown, so a deliberate second try can go through.
        Assert.Equal("3", page.QuerySelector("main form input[name=SeenVersion]")!.GetAttribute("value"));

        var article = await ArticleAsync(id);
        Assert.Equal(History.CurrentTitle, article.Title);
        Assert.Equal(History.CurrentBody, article.BodyMarkdown);
        Assert.Equal(3, article.Version);
        Assert.Equal(3, (await RevisionsAsync(id)).Count);
        Assert.Empty(await AuditAsync(id));
    }

    [Fact]
    public async Task Restoring_a_revision_of_another_article_answers_404_and_changes_nothing()
    {
        var history = await History.CreateAsync(factory);
        var other = await History.CreateAsync(factory);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var response = await NewsSiteFactory.PostFormAsync(editor,
            $"/admin/articles/{history.Article.Id}/revisions/{history.First.Id}", Seen(3),
            postUrl: $"/admin/articles/{history.Article.Id}/revisions/{other.First.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(3, (await ArticleAsync(history.Article.Id)).Version);
    }
}
