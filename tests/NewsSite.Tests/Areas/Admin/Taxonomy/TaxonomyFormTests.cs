using System.Net;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Taxonomy;

/// <summary>What sections, tags and authors share: slugs made from names, unique, audited, refused in Arabic.</summary>
public sealed class TaxonomyFormTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Theory]
    [InlineData("Section")]
    [InlineData("Tag")]
    [InlineData("Author")]
    public async Task Creating_makes_the_slug_from_the_name_and_audits_it(string subject)
    {
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var suffix = Build.Unique();
        var name = $"الشؤونُ المحلية {suffix}";

        var (response, _) = await TaxonomyPages.SubmitAsync(editor, TaxonomyPages.ListUrl(subject) + "/edit",
            new() { ["Input.Name"] = "  " + name + " ", ["Input.Slug"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TaxonomyPages.ListUrl(subject), response.Headers.Location!.OriginalString);
        var (_, list) = await NewsSiteFactory.GetPageAsync(editor, TaxonomyPages.ListUrl(subject));
        Assert.Contains(name, list.QuerySelector("[role=status]")!.TextContent);
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"), r => r.QuerySelector("a")!.TextContent == name);
        Assert.Equal($"الشؤون-المحلية-{suffix}", row.QuerySelector(".slug bdi")!.TextContent);
        var id = int.Parse(row.QuerySelector("a")!.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("create", Assert.Single(await TaxonomyPages.AuditAsync(factory, subject, id)).Action);
    }

    [Theory]
    [InlineData("Section")]
    [InlineData("Tag")]
    [InlineData("Author")]
    public async Task A_slug_already_used_is_refused_in_arabic_and_nothing_is_stored(string subject)
    {
        var (_, slug) = await TaxonomyPages.StoreAsync(factory, subject);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var name = "اسم مكرر " + Build.Unique();

        var (response, page) = await TaxonomyPages.SubmitAsync(editor, TaxonomyPages.ListUrl(subject) + "/edit",
            new() { ["Input.Name"] = name, ["Input.Slug"] = slug.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"المعرّف «{slug}» مستخدم من قبل؛ اختر معرّفًا آخر.", TaxonomyPages.FieldError(page, "Input.Slug"));
        Assert.Equal(name, page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal(0, await TaxonomyPages.CountAsync(factory, subject, name));
    }

    [Theory]
    [InlineData("Section", "لا يمكن حذف القسم")]
    [InlineData("Author", "لا يمكن حذف الكاتب")]
    public async Task Deleting_one_that_still_has_articles_is_refused_in_arabic_and_changes_nothing(string subject, string refusal)
    {
        var (id, _) = await TaxonomyPages.StoreAsync(factory, subject, articles: 2);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var (response, page) = await TaxonomyPages.DeleteAsync(editor, subject, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains(refusal, alert);
        Assert.Contains("(عددها 2)", alert);
        Assert.Contains(page.QuerySelectorAll("tbody tr a"), a => a.GetAttribute("href")!.EndsWith($"/edit/{id}", StringComparison.Ordinal));
        Assert.Empty(await TaxonomyPages.AuditAsync(factory, subject, id));
    }

    [Theory]
    [InlineData("Section")]
    [InlineData("Tag")]
    [InlineData("Author")]
    public async Task Unknown_ids_answer_404(string subject)
    {
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var edit = await editor.GetAsync(new Uri(TaxonomyPages.ListUrl(subject) + "/edit/987654", UriKind.Relative));
        var (delete, _) = await TaxonomyPages.DeleteAsync(editor, subject, 987654);

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }
}
