using System.Net;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Revisions;

/// <summary>An article at version 3 whose three saves left three revisions.</summary>
internal sealed record History(Article Article, ArticleRevision First, ArticleRevision Second, ArticleRevision Third)
{
    public const string FirstTitle = "العنوان في المسودة الأولى";
    public const string FirstBody = "فقرة أولى.\n\n<script>alert('x')</script>\n\nفقرة حذفت لاحقًا.";
    public const string SecondBody = "فقرة أولى.\n\nفقرة ثانية مضافة.";
    public const string CurrentTitle = "العنوان كما نشر";
    public const string CurrentBody = "فقرة أولى.\n\nفقرة ثانية مضافة.\n\nفقرة ثالثة.";

    public static async Task<History> CreateAsync(NewsSiteFactory factory)
    {
        var article = Build.Article(title: CurrentTitle, markdown: CurrentBody).Published().Saved(3);
        await factory.SaveAsync(article);
        var first = Build.Revision(article, 1, FirstTitle, FirstBody, summary: "ملخص أول.", by: "سارة الخالد");
        var second = Build.Revision(article, 2, CurrentTitle, SecondBody, by: "خالد العلي", status: ArticleStatus.InReview);
        var third = Build.Revision(article, 3, CurrentTitle, CurrentBody, by: "منى الراشد", status: ArticleStatus.Published);
        await factory.SaveAsync(first, second, third);
        return new History(article, first, second, third);
    }
}

public sealed class RevisionHistoryTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static readonly TimeZoneInfo Kuwait = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuwait");

    [Fact]
    public async Task History_lists_every_revision_newest_first_with_who_when_and_status()
    {
        var history = await History.CreateAsync(factory);
        using var writer = await factory.SignInAsAsync(StaffRoles.Writer);

        var (response, page) = await NewsSiteFactory.GetPageAsync(writer, $"/admin/articles/{history.Article.Id}/revisions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["النسخة 3", "النسخة 2", "النسخة 1"], rows.Select(r => r[0]));
        Assert.Equal(["منى الراشد", "خالد العلي", "سارة الخالد"], rows.Select(r => r[1]));
        Assert.Equal(ArabicDateLine.FormatStamp(history.Third.SavedAt, Kuwait), rows[0][2]);
        Assert.Equal(["منشور", "بانتظار المراجعة", "مسودة"], rows.Select(r => r[3]));
        Assert.Equal($"/admin/articles/{history.Article.Id}/revisions/{history.First.Id}",
            page.QuerySelectorAll("tbody tr")[2].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Diff_with_the_current_article_marks_removed_and_added_lines_and_escapes_script()
    {
        var history = await History.CreateAsync(factory);
        using var writer = await factory.SignInAsAsync(StaffRoles.Writer);

        var (response, page) = await NewsSiteFactory.GetPageAsync(writer, $"/admin/articles/{history.Article.Id}/revisions/{history.First.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fields = page.QuerySelectorAll(".diff-field");
        Assert.Equal(["العنوان في المسودة الأولى"], fields[0].QuerySelectorAll(".diff-removed del").Select(TextOf));
        Assert.Equal(["العنوان كما نشر"], fields[0].QuerySelectorAll(".diff-added ins").Select(TextOf));
        Assert.Equal(["<script>alert('x')</script>", "فقرة حذفت لاحقًا."], fields[2].QuerySelectorAll("del").Select(TextOf));
        Assert.Equal(["فقرة ثانية مضافة.", "فقرة ثالثة."], fields[2].QuerySelectorAll("ins").Select(TextOf));
        Assert.Contains("فقرة أولى.", fields[2].QuerySelectorAll(".diff-same").Select(TextOf));
        // Lines carry a text marker, not colour alone.
        Assert.All(page.QuerySelectorAll(".diff ins, .diff del"), e => Assert.NotNull(e.QuerySelector(".visually-hidden")));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Equal("3", page.QuerySelector("form input[name=SeenVersion]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Diff_with_the_previous_revision_shows_what_that_save_changed()
    {
        var history = await History.CreateAsync(factory);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var (_, page) = await NewsSiteFactory.GetPageAsync(editor,
            $"/admin/articles/{history.Article.Id}/revisions/{history.Third.Id}?against=previous");

        var body = page.QuerySelectorAll(".diff-field")[2];
        Assert.Empty(body.QuerySelectorAll("del"));
        Assert.Equal(["", "فقرة ثالثة."], body.QuerySelectorAll("ins").Select(TextOf));
        Assert.Contains("(دون تغيير)", page.QuerySelectorAll(".diff-field")[0].QuerySelector("h2")!.TextContent);
        Assert.Equal("page", page.QuerySelector(".diff-switch a[href$='against=previous']")!.GetAttribute("aria-current"));
        // Revision 3 is the current text: nothing to restore.
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task The_first_revision_against_previous_is_all_additions()
    {
        var history = await History.CreateAsync(factory);
        using var writer = await factory.SignInAsAsync(StaffRoles.Writer);

        var (_, page) = await NewsSiteFactory.GetPageAsync(writer,
            $"/admin/articles/{history.Article.Id}/revisions/{history.First.Id}?against=previous");

        Assert.Empty(page.QuerySelectorAll(".diff del"));
        Assert.Contains("<script>alert('x')</script>", page.QuerySelectorAll(".diff ins").Select(TextOf));
        Assert.Contains("أول نسخة", page.QuerySelector(".diff-legend")!.TextContent);
    }

    [Fact]
    public async Task Unknown_articles_and_revisions_answer_404()
    {
        var history = await History.CreateAsync(factory);
        var other = await History.CreateAsync(factory);
        using var writer = await factory.SignInAsAsync(StaffRoles.Writer);

        foreach (var url in new[]
                 {
                     "/admin/articles/987654/revisions",
                     $"/admin/articles/{history.Article.Id}/revisions/987654",
                     $"/admin/articles/{history.Article.Id}/revisions/{other.First.Id}",
                 })
        {
            var response = await writer.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Readers_are_sent_to_sign_in()
    {
        var history = await History.CreateAsync(factory);
        using var reader = factory.CreateReader();

        var response = await reader.GetAsync(new Uri($"/admin/articles/{history.Article.Id}/revisions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    // The visible text of a diff line, without its hidden marker words.
    private static string TextOf(AngleSharp.Dom.IElement line)
    {
        var copy = (AngleSharp.Dom.IElement)line.Clone();
        foreach (var marker in copy.QuerySelectorAll(".visually-hidden, .diff-sign").ToList())
        {
            marker.Remove();
        }
        return copy.TextContent;
    }
}
