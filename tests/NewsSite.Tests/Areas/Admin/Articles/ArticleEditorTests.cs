using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;
using static NewsSite.Tests.Areas.Admin.Articles.EditorForm;

namespace NewsSite.Tests.Areas.Admin.Articles;

/// <summary>/admin/articles/new and /admin/articles/{id}/edit: writing, validating, previewing and recording.</summary>
public sealed class ArticleEditorTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private Task<int> CountTitledAsync(string title) =>
        factory.QueryAsync(db => db.Articles.CountAsync(a => a.Title == title));

    [Fact]
    public async Task A_new_article_is_saved_as_a_draft_then_edited_and_published_to_the_public_page()
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        var title = "افتتاح مركز صحي جديد " + Build.Unique();

        var created = (await PostAsync(client, NewUrl, await NewArticleAsync(client, sectionId, authorId, title))).Response;
        var id = SavedId(created);
        var draft = await StoredAsync(factory, id);
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        Assert.Equal(1, draft.Version);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/news/{id}/{draft.Slug}", UriKind.Relative))).StatusCode);

        // The page after the redirect says so, and tells the script which browser drafts are now stored.
        var (_, afterSave) = await NewsSiteFactory.GetPageAsync(client, created.Headers.Location!.OriginalString);
        Assert.Equal("حُفظ المقال.", afterSave.QuerySelector(".notice")!.TextContent);
        Assert.Equal($"new {id}", afterSave.QuerySelector("#article-form")!.GetAttribute("data-saved-keys"));

        var fields = FieldsOf(afterSave);
        fields["Input.Body"] = "فقرة معدّلة.\n\n## ساعات العمل\n\nمن الثامنة صباحًا.";
        var published = (await PostAsync(client, EditUrl(id), fields, "publish")).Response;
        Assert.Equal(id, SavedId(published));

        var article = await StoredAsync(factory, id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(2, article.Version);
        using var reader = factory.CreateReader();
        var (response, page) = await NewsSiteFactory.GetPageAsync(reader, $"/news/{id}/{Uri.EscapeDataString(article.Slug)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("ساعات العمل", page.QuerySelector(".article-body h2")!.TextContent);
    }

    [Theory]
    [InlineData("الحكومةُ تُقرّ ميزانية ٢٠٢٧!", "", "الحكومة-تقر-ميزانية-2027")]
    [InlineData("عنوان طويل عن افتتاح المركز", "مركز-صحي-2027", "مركز-صحي-2027")]
    public async Task The_slug_comes_from_the_arabic_title_unless_one_is_written(string title, string slug, string expected)
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var fields = await NewArticleAsync(client, sectionId, authorId, title);
        fields["Input.Slug"] = slug;

        var id = SavedId((await PostAsync(client, NewUrl, fields)).Response);

        Assert.Equal(expected, (await StoredAsync(factory, id)).Slug);
    }

    [Fact]
    public async Task Tags_are_created_on_the_fly_from_latin_and_arabic_commas_and_reused_by_slug()
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        var unique = Build.Unique();
        await factory.SaveAsync(new Tag { Name = "الصحة " + unique, Slug = Slug.From("الصحة " + unique) });
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var fields = await NewArticleAsync(client, sectionId, authorId, "خبر بوسوم");
        fields["Input.Tags"] = $" الصحة {unique}، المستشفيات {unique} , Hospitals {unique},، المستشفيات {unique}";

        var id = SavedId((await PostAsync(client, NewUrl, fields)).Response);

        var tags = (await StoredAsync(factory, id)).Tags.Select(t => t.Slug).Order().ToList();
        Assert.Equal(new[] { $"hospitals-{unique}", $"الصحة-{unique}", $"المستشفيات-{unique}" }.Order(), tags);
        Assert.Equal(1, await factory.QueryAsync(db => db.Tags.CountAsync(t => t.Slug == $"الصحة-{unique}")));
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, EditUrl(id));
        Assert.Equal($"Hospitals {unique}، الصحة {unique}، المستشفيات {unique}", FieldsOf(page)["Input.Tags"]);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.Title", "", "اكتب عنوان المقال." },
        { "Input.Title", "   ", "اكتب عنوان المقال." },
        { "Input.Title", new string('خ', 301), "العنوان أطول من 300 حرف." },
        { "Input.Summary", new string('م', 1001), "الملخص أطول من 1000 حرف." },
        { "Input.Slug", "Hello World", "مثل: hello-world" },
        { "Input.Slug", "!!!", "الرابط حروف وأرقام" },
        { "Input.SectionId", "999999", "اختر قسمًا من القائمة." },
        { "Input.SectionId", "abc", "القيمة «abc» لا تصلح في «القسم»." },
        { "Input.AuthorId", "0", "اختر كاتبًا من القائمة." },
        { "Input.Tags", "طب، !!!", "الوسم «!!!» لا يصلح" },
        { "Input.HeroImagePath", "/etc/passwd", "الصورة غير موجودة" },
        { "Input.HeroImagePath", "/media/0123456789abcdef0123456789abcdef.png", "الصورة غير موجودة" },
        { "Input.Body", new string('ن', 100_001), "نص المقال أطول من 100000 حرف." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_answered_in_arabic_next_to_its_field_and_nothing_is_stored(string field, string value, string message)
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        var title = "خبر لن يُحفظ " + Build.Unique();
        var fields = await NewArticleAsync(client, sectionId, authorId, title);
        fields["Input.HeroImageAlt"] = "وصف";
        fields[field] = value;

        var (response, page) = await PostAsync(client, NewUrl, fields, "publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, ErrorFor(page, field), StringComparison.Ordinal);
        Assert.Equal(0, await CountTitledAsync(title));
        // The words come back in the form, nothing lost.
        Assert.Equal(fields["Input.Body"], FieldsOf(page)["Input.Body"]);
    }

    [Fact]
    public async Task A_bad_edit_changes_nothing_stored()
    {
        var article = Build.Article(title: "عنوان ثابت " + Build.Unique());
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.Body"] = "نص جديد";
        fields["Input.SectionId"] = "424242";

        var (response, page) = await PostAsync(client, EditUrl(article.Id), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("اختر قسمًا من القائمة.", ErrorFor(page, "Input.SectionId"));
        var stored = await StoredAsync(factory, article.Id);
        Assert.Equal(article.BodyMarkdown, stored.BodyMarkdown);
        Assert.Equal(article.Version, stored.Version);
        Assert.Equal(0, await factory.QueryAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == article.Id)));
    }

    [Fact]
    public async Task An_uploaded_image_is_kept_across_a_refused_save_and_needs_alt_text()
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var fields = await NewArticleAsync(client, sectionId, authorId, "خبر بصورة");
        fields["Input.HeroImageAlt"] = "";

        var (refused, page) = await UploadAsync(client, NewUrl, fields, Png(), "photo.png");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("النص البديل مطلوب", ErrorFor(page, "Input.HeroImageAlt"), StringComparison.Ordinal);
        var kept = FieldsOf(page);
        Assert.Matches("^/media/[0-9a-f]{32}\\.png$", kept["Input.HeroImagePath"]);
        Assert.NotNull(page.QuerySelector($"img.hero-thumb[src='{kept["Input.HeroImagePath"]}']"));

        kept["Input.HeroImageAlt"] = "مبنى المركز من الخارج";
        kept["Input.HeroImageCaption"] = "المركز الجديد";
        var id = SavedId((await PostAsync(client, NewUrl, kept)).Response);

        var article = await StoredAsync(factory, id);
        Assert.Equal(kept["Input.HeroImagePath"], article.HeroImagePath);
        Assert.Equal("مبنى المركز من الخارج", article.HeroImageAlt);
        Assert.Equal("المركز الجديد", article.HeroImageCaption);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_in_arabic()
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var title = "خبر بملف غريب " + Build.Unique();
        var fields = await NewArticleAsync(client, sectionId, authorId, title);
        fields["Input.HeroImageAlt"] = "وصف";

        var (response, page) = await UploadAsync(client, NewUrl, fields, "<svg onload=alert(1)>"u8.ToArray(), "x.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ليس صورة مقبولة", ErrorFor(page, "HeroImage"), StringComparison.Ordinal);
        Assert.Equal("", FieldsOf(page)["Input.HeroImagePath"]);
        Assert.Equal(0, await CountTitledAsync(title));
    }

    [Fact]
    public async Task Removing_the_image_clears_it_and_its_texts()
    {
        var article = Build.Article();
        article.HeroImagePath = "/img/demo/local.svg";
        article.HeroImageAlt = "رسم";
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        fields["Input.RemoveHeroImage"] = "true";

        SavedId((await PostAsync(client, EditUrl(article.Id), fields)).Response);

        var stored = await StoredAsync(factory, article.Id);
        Assert.Null(stored.HeroImagePath);
        Assert.Null(stored.HeroImageAlt);
    }

    [Fact]
    public async Task The_live_preview_renders_markdown_through_the_safe_pipeline()
    {
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var (_, editor) = await NewsSiteFactory.GetPageAsync(client, NewUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(NewUrl + "?handler=Preview", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["body"] = "## موعد الافتتاح\n\n<script>alert(1)</script>\n\n[رابط](javascript:alert(1)) **مهم**",
            }),
        };
        request.Headers.Add("RequestVerificationToken", TokenOf(editor));

        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var fragment = new HtmlParser().ParseDocument("<div>" + html + "</div>");
        Assert.Equal("موعد الافتتاح", fragment.QuerySelector("h2")!.TextContent);
        Assert.Empty(fragment.QuerySelectorAll("script"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Equal("مهم", fragment.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public async Task The_preview_needs_the_antiforgery_token()
    {
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = "نص" });

        var response = await client.PostAsync(new Uri(NewUrl + "?handler=Preview", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_preview_button_shows_the_text_on_the_page_without_saving()
    {
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var title = "معاينة فقط " + Build.Unique();
        var fields = await LoadAsync(client, NewUrl);
        fields["Input.Title"] = title;
        fields["Input.Body"] = "## عنوان المعاينة\n\n<b>غامق؟</b>";

        var (response, page) = await PostAsync(client, NewUrl, fields, "preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("عنوان المعاينة", page.QuerySelector(".preview-body h2")!.TextContent);
        Assert.Null(page.QuerySelector(".preview-body b"));
        // A preview is not a save: no "choose a section" complaints, nothing stored.
        Assert.Equal("", ErrorFor(page, "Input.SectionId"));
        Assert.Equal(0, await CountTitledAsync(title));
    }

    [Fact]
    public async Task Typed_markup_reaches_the_newsroom_pages_only_as_text()
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);
        var title = "<img src=x onerror=alert(1)> " + Build.Unique();
        var fields = await NewArticleAsync(client, sectionId, authorId, title, "<script>alert(2)</script>");
        fields["Input.Summary"] = "<script>alert(3)</script>";

        var id = SavedId((await PostAsync(client, NewUrl, fields)).Response);

        var (_, editor) = await NewsSiteFactory.GetPageAsync(client, EditUrl(id));
        var (_, list) = await NewsSiteFactory.GetPageAsync(client, "/admin/articles?q=" + Uri.EscapeDataString(title));
        foreach (var page in new[] { editor, list })
        {
            Assert.Null(page.QuerySelector("img[src=x]"));
            Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        }
        Assert.Equal(title, list.QuerySelector(".article-title-cell a")!.TextContent);
        Assert.Contains("&lt;script&gt;", (await StoredAsync(factory, id)).BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_save_writes_a_revision_and_an_audit_entry()
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);
        var id = SavedId((await PostAsync(client, NewUrl, await NewArticleAsync(client, sectionId, authorId, "الإصدار الأول"))).Response);
        var fields = await LoadAsync(client, EditUrl(id));
        fields["Input.Title"] = "الإصدار الثاني";
        SavedId((await PostAsync(client, EditUrl(id), fields, "publish")).Response);

        var revisions = await factory.QueryAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Version).ToListAsync());
        Assert.Equal([1, 2], revisions.Select(r => r.Version));
        Assert.Equal(["الإصدار الأول", "الإصدار الثاني"], revisions.Select(r => r.Title));
        Assert.Equal([ArticleStatus.Draft, ArticleStatus.Published], revisions.Select(r => r.Status));
        Assert.All(revisions, r => Assert.StartsWith("editor-", r.SavedByName, StringComparison.Ordinal));
        Assert.All(revisions, r => Assert.NotNull(r.SavedById));

        var audit = await factory.QueryAsync(db => db.AuditEntries
            .Where(e => e.Subject == "Article" && e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["create", "edit", "publish"], audit);
    }

    [Fact]
    public async Task An_unknown_article_is_404_and_an_unknown_button_400()
    {
        var article = Build.Article();
        await factory.SaveAsync(article);
        using var client = await factory.SignInAsAsync(StaffRoles.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(EditUrl(987654), UriKind.Relative))).StatusCode);
        var fields = await LoadAsync(client, EditUrl(article.Id));
        // The token comes from a page that exists; the post goes to one that does not.
        var missing = await NewsSiteFactory.PostFormAsync(client, EditUrl(article.Id), fields, EditUrl(987654));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, EditUrl(article.Id), fields, "delete")).Response.StatusCode);
    }

    [Fact]
    public async Task The_editor_is_for_signed_in_staff_only()
    {
        using var reader = factory.CreateReader();

        var response = await reader.GetAsync(new Uri(NewUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
