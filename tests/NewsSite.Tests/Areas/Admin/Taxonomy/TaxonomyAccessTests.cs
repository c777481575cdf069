using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;

namespace NewsSite.Tests.Areas.Admin.Taxonomy;

public sealed class TaxonomyAccessTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Theory]
    [InlineData("/admin/sections")]
    [InlineData("/admin/sections/edit")]
    [InlineData("/admin/tags")]
    [InlineData("/admin/tags/edit")]
    [InlineData("/admin/authors")]
    [InlineData("/admin/authors/edit")]
    public async Task A_writer_gets_403_on_the_pages(string url)
    {
        using var writer = await factory.SignInAsAsync(StaffRoles.Writer);

        var response = await writer.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/sections/edit")]
    [InlineData("/admin/tags/edit")]
    [InlineData("/admin/authors/edit")]
    public async Task A_writer_gets_403_on_create_and_nothing_is_stored(string url)
    {
        using var writer = await factory.SignInAsAsync(StaffRoles.Writer);
        var name = "بلا صلاحية " + Builders.Build.Unique();

        // The antiforgery token comes from a page the writer may open.
        var response = await NewsSiteFactory.PostFormAsync(writer, "/admin", new() { ["Input.Name"] = name }, postUrl: url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Sections.AnyAsync(s => s.Name == name)));
        Assert.False(await factory.QueryAsync(db => db.Tags.AnyAsync(t => t.Name == name)));
        Assert.False(await factory.QueryAsync(db => db.Authors.AnyAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task A_writer_gets_403_on_delete_and_nothing_is_removed()
    {
        var section = Builders.Build.Section();
        var tag = Builders.Build.Tag();
        var author = Builders.Build.Author();
        await factory.SaveAsync(section, tag, author);
        using var writer = await factory.SignInAsAsync(StaffRoles.Writer);

        foreach (var url in new[]
                 {
                     $"/admin/sections?handler=Delete&id={section.Id}",
                     $"/admin/tags?handler=Delete&id={tag.Id}",
                     $"/admin/authors?handler=Delete&id={author.Id}",
                 })
        {
            var response = await NewsSiteFactory.PostFormAsync(writer, "/admin", [], postUrl: url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.True(await factory.QueryAsync(db => db.Sections.AnyAsync(s => s.Id == section.Id)));
        Assert.True(await factory.QueryAsync(db => db.Tags.AnyAsync(t => t.Id == tag.Id)));
        Assert.True(await factory.QueryAsync(db => db.Authors.AnyAsync(a => a.Id == author.Id)));
    }

    [Theory]
    [InlineData(StaffRoles.Writer, false)]
    [InlineData(StaffRoles.Editor, true)]
    [InlineData(StaffRoles.Admin, true)]
    public async Task The_newsroom_menu_links_them_for_editors_only(string role, bool linked)
    {
        using var client = await factory.SignInAsAsync(role);

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/admin");

        var links = page.QuerySelectorAll(".admin-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(linked, links.Contains("/admin/sections"));
        Assert.Equal(linked, links.Contains("/admin/tags"));
        Assert.Equal(linked, links.Contains("/admin/authors"));
    }
}
