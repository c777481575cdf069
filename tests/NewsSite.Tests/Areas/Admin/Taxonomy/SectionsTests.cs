using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Taxonomy;

public sealed class SectionsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Editing_a_section_saves_name_slug_and_order_and_audits_it()
    {
        var section = Build.Section("قسم قديم");
        await factory.SaveAsync(section);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var slug = "economy-" + Build.Unique();

        var (_, form) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/sections/edit/{section.Id}");
        Assert.Equal(section.Slug, form.QuerySelector("input[name='Input.Slug']")!.GetAttribute("value"));
        var (response, _) = await TaxonomyPages.SubmitAsync(admin, $"/admin/sections/edit/{section.Id}",
            new() { ["Input.Name"] = "الاقتصاد", ["Input.Slug"] = slug.ToUpperInvariant(), ["Input.SortOrder"] = "2" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.QueryAsync(db => db.Sections.AsNoTracking().SingleAsync(s => s.Id == section.Id));
        Assert.Equal(("الاقتصاد", slug, 2), (saved.Name, saved.Slug, saved.SortOrder));
        Assert.Equal("edit", Assert.Single(await TaxonomyPages.AuditAsync(factory, "Section", section.Id)).Action);
    }

    [Theory]
    [InlineData("", "1", "Input.Name", "اكتب الاسم.")]
    [InlineData("   ", "1", "Input.Name", "اكتب الاسم.")]
    [InlineData("!!!", "1", "Input.Slug", "تعذّر تكوين معرّف من الاسم؛ اكتب معرّفًا فيه حروف أو أرقام.")]
    [InlineData("قسم صالح", "abc", "Input.SortOrder", "القيمة «abc» لا تصلح في «الترتيب في قائمة الأقسام».")]
    [InlineData("قسم صالح", "-3", "Input.SortOrder", "الترتيب رقم من 0 إلى 10000.")]
    public async Task Bad_input_gets_an_arabic_message_and_nothing_is_stored(string name, string order, string field, string message)
    {
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var before = await factory.QueryAsync(db => db.Sections.CountAsync());

        var (response, page) = await TaxonomyPages.SubmitAsync(editor, "/admin/sections/edit",
            new() { ["Input.Name"] = name, ["Input.Slug"] = "", ["Input.SortOrder"] = order });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, TaxonomyPages.FieldError(page, field));
        Assert.Equal(before, await factory.QueryAsync(db => db.Sections.CountAsync()));
    }

    [Fact]
    public async Task Sections_are_listed_in_menu_order_and_an_empty_one_can_be_deleted()
    {
        var last = Build.Section("قسم أخير");
        last.SortOrder = 9000;
        var first = Build.Section("قسم أول");
        first.SortOrder = -1;
        await factory.SaveAsync(last, first);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var (_, list) = await NewsSiteFactory.GetPageAsync(editor, "/admin/sections");
        var names = list.QuerySelectorAll("tbody tr a").Select(a => a.TextContent).ToList();
        Assert.Equal("قسم أول", names[0]);
        Assert.Equal("قسم أخير", names[^1]);

        var (response, _) = await TaxonomyPages.DeleteAsync(editor, "Section", last.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Sections.AnyAsync(s => s.Id == last.Id)));
        Assert.Equal("delete", Assert.Single(await TaxonomyPages.AuditAsync(factory, "Section", last.Id)).Action);
    }
}
