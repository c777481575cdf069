using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;
using static NewsSite.Tests.Areas.Admin.Articles.EditorForm;

namespace NewsSite.Tests.Areas.Admin.Articles;

/// <summary>Who may change what readers see: writers write and ask for review; editors publish, schedule and unpublish.</summary>
public sealed class ArticlePublishingTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private Task<List<string>> AuditActionsAsync(int id) =>
        factory.QueryAsync(db => db.AuditEntries
            .Where(e => e.Subject == "Article" && e.SubjectId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    private static string LocalInput(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("publish", false)]
    [InlineData("schedule", false)]
    [InlineData("unpublish", true)]
    [InlineData("review", true)]
    public async Task A_writer_changing_what_readers_see_is_forbidden_and_nothing_changes(string command, bool published)
    {
        var article = Build.Article();
        if (published)
        {
            article.Published();
        }
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.Title"] = "عنوان الكاتب";
        fields["Input.PublishAt"] = LocalInput(DateTime.UtcNow.AddDays(2));

        var (response, _) = await PostAsync(client, EditUrl(article.Id), fields, command);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(article.Status, stored.Status);
        Assert.Equal(article.Title, stored.Title);
        Assert.Equal(article.Version, stored.Version);
        Assert.Empty(await AuditActionsAsync(article.Id));
    }

    [Fact]
    public async Task A_writer_saves_drafts_and_submits_them_for_review_without_publishing_buttons()
    {
        var article = Build.Article();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, EditUrl(article.Id));
        var buttons = page.QuerySelectorAll("#article-form button[name=command]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Equal(["save", "review", "preview"], buttons);
        Assert.Null(page.QuerySelector("input[name='Input.PublishAt']"));

        var fields = FieldsOf(page);
        fields["Input.Body"] = "نص جاهز للمراجعة.";
        SavedId((await PostAsync(client, EditUrl(article.Id), fields, "review")).Response);

        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(ArticleStatus.InReview, stored.Status);
        Assert.Equal("نص جاهز للمراجعة.", stored.BodyMarkdown);
        Assert.Equal(["edit", "submit-review"], await AuditActionsAsync(article.Id));
    }

    [Fact]
    public async Task A_writer_cannot_change_the_words_of_a_published_story()
    {
        var article = Build.Article().Published();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.Body"] = "نص غيّره كاتب.";

        var (response, _) = await PostAsync(client, EditUrl(article.Id), fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(ArticleStatus.Published, stored.Status);
        Assert.Equal(article.BodyHtml, stored.BodyHtml);
        Assert.Equal(article.Version, stored.Version);
    }

    [Fact]
    public async Task An_editor_fixes_the_words_of_a_published_story_which_stays_live()
    {
        var article = Build.Article().Published();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.Body"] = "نص مصحّح.";

        SavedId((await PostAsync(client, EditUrl(article.Id), fields)).Response);

        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(ArticleStatus.Published, stored.Status);
        Assert.Equal(article.PublishedAt, stored.PublishedAt);
        Assert.Equal("<p>نص مصحّح.</p>\n", stored.BodyHtml);
    }

    [Fact]
    public async Task An_editor_publishes_unpublishes_and_schedules_with_an_audit_entry_each_time()
    {
        var article = Build.Article();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        using var reader = factory.CreateReader();
        var publicUrl = $"/news/{article.Id}/{Uri.EscapeDataString(article.Slug)}";

        SavedId((await PostAsync(client, EditUrl(article.Id), await LoadAsync(client, EditUrl(article.Id)), "publish")).Response);
        Assert.Equal(ArticleStatus.Published, (await StoredAsync(factory, article.Id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(publicUrl, UriKind.Relative))).StatusCode);

        SavedId((await PostAsync(client, EditUrl(article.Id), await LoadAsync(client, EditUrl(article.Id)), "unpublish")).Response);
        Assert.Equal(ArticleStatus.Draft, (await StoredAsync(factory, article.Id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri(publicUrl, UriKind.Relative))).StatusCode);

        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.PublishAt"] = LocalInput(DateTime.UtcNow.AddDays(3));
        SavedId((await PostAsync(client, EditUrl(article.Id), fields, "schedule")).Response);
        Assert.Equal(ArticleStatus.Scheduled, (await StoredAsync(factory, article.Id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri(publicUrl, UriKind.Relative))).StatusCode);

        Assert.Equal(["edit", "publish", "edit", "unpublish", "edit", "schedule"], await AuditActionsAsync(article.Id));
    }

    [Fact]
    public async Task Scheduling_reads_the_time_in_kuwait_and_stores_it_in_utc()
    {
        var article = Build.Article();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        // Kuwait is UTC+3 all year: 09:30 there is 06:30 UTC.
        var kuwaitDay = DateTime.UtcNow.AddHours(3).Date.AddDays(10);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.PublishAt"] = LocalInput(kuwaitDay.AddHours(9).AddMinutes(30));

        var response = (await PostAsync(client, EditUrl(article.Id), fields, "schedule")).Response;
        SavedId(response);

        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(ArticleStatus.Scheduled, stored.Status);
        Assert.Equal(DateTime.SpecifyKind(kuwaitDay.AddHours(6).AddMinutes(30), DateTimeKind.Utc), stored.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, stored.PublishedAt!.Value.Kind);

        // The editor shows it back as it was typed, in the site's time.
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(LocalInput(kuwaitDay.AddHours(9).AddMinutes(30)), FieldsOf(page)["Input.PublishAt"]);
        Assert.Contains("9:30 صباحًا", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduling_a_time_already_past_publishes_now()
    {
        var article = Build.Article();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Admin);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.PublishAt"] = LocalInput(DateTime.UtcNow.AddHours(3).AddDays(-1));
        var before = DateTime.UtcNow;

        SavedId((await PostAsync(client, EditUrl(article.Id), fields, "schedule")).Response);

        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(ArticleStatus.Published, stored.Status);
        Assert.InRange(stored.PublishedAt!.Value, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(["edit", "publish"], await AuditActionsAsync(article.Id));
    }

    [Theory]
    [InlineData("", "اختر موعد النشر")]
    [InlineData("غدًا", "موعد النشر غير صالح")]
    [InlineData("2026-02-30T10:00", "موعد النشر غير صالح")]
    [InlineData("9999-01-01T10:00", "موعد النشر غير صالح")]
    public async Task A_bad_publish_time_is_refused_in_arabic_and_nothing_changes(string publishAt, string message)
    {
        var article = Build.Article();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.PublishAt"] = publishAt;

        var (response, page) = await PostAsync(client, EditUrl(article.Id), fields, "schedule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, ErrorFor(page, "Input.PublishAt"), StringComparison.Ordinal);
        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(ArticleStatus.Draft, stored.Status);
        Assert.Equal(article.Version, stored.Version);
    }
}
