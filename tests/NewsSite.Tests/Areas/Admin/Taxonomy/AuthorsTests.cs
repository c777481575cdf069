using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Taxonomy;

public sealed class AuthorsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task An_authors_bio_is_stored_as_typed_and_shown_escaped()
    {
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var slug = "author-" + Build.Unique();

        var (response, _) = await TaxonomyPages.SubmitAsync(editor, "/admin/authors/edit",
            new() { ["Input.Name"] = "ليلى الناصر", ["Input.Slug"] = slug, ["Input.Bio"] = " محررة <script>x</script> الاقتصاد. " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var author = await factory.QueryAsync(db => db.Authors.AsNoTracking().SingleAsync(a => a.Slug == slug));
        Assert.Equal("محررة <script>x</script> الاقتصاد.", author.Bio);
        var (_, form) = await NewsSiteFactory.GetPageAsync(editor, $"/admin/authors/edit/{author.Id}");
        Assert.Equal(author.Bio, form.QuerySelector("textarea[name='Input.Bio']")!.TextContent.Trim());
        Assert.Empty(form.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Keeping_its_own_slug_is_not_a_clash()
    {
        var author = Build.Author();
        await factory.SaveAsync(author);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var (response, _) = await TaxonomyPages.SubmitAsync(editor, $"/admin/authors/edit/{author.Id}",
            new() { ["Input.Name"] = author.Name, ["Input.Slug"] = author.Slug, ["Input.Bio"] = "نبذة جديدة." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("نبذة جديدة.", await factory.QueryAsync(db => db.Authors.Where(a => a.Id == author.Id).Select(a => a.Bio).SingleAsync()));
    }
}
