using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Taxonomy;

public sealed class TagsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task The_tag_list_shows_how_many_articles_use_each_tag()
    {
        var busy = Build.Tag("وسم مستعمل " + Build.Unique());
        var idle = Build.Tag("وسم غير مستعمل " + Build.Unique());
        var first = Build.Article();
        var second = Build.Article();
        first.Tags.Add(busy);
        second.Tags.Add(busy);
        await factory.SaveAsync(first, second, idle);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var (response, page) = await NewsSiteFactory.GetPageAsync(editor, "/admin/tags");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string CountOf(Tag tag) => page.QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("a")!.TextContent == tag.Name)
            .QuerySelector(".count")!.TextContent;
        Assert.Equal("2", CountOf(busy));
        Assert.Equal("0", CountOf(idle));
    }

    [Fact]
    public async Task Deleting_a_tag_takes_it_off_its_articles_and_keeps_them()
    {
        var tag = Build.Tag("وسم للحذف");
        var kept = Build.Tag("وسم باق");
        var article = Build.Article();
        article.Tags.AddRange([tag, kept]);
        await factory.SaveAsync(article);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);

        var (response, _) = await TaxonomyPages.DeleteAsync(editor, "Tag", tag.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Tags.AnyAsync(t => t.Id == tag.Id)));
        var tagsLeft = await factory.QueryAsync(db => db.Articles.Where(a => a.Id == article.Id).SelectMany(a => a.Tags).Select(t => t.Id).ToListAsync());
        Assert.Equal([kept.Id], tagsLeft);
        var audit = Assert.Single(await TaxonomyPages.AuditAsync(factory, "Tag", tag.Id));
        Assert.Equal(("delete", $"وسم للحذف ({tag.Slug})"), (audit.Action, audit.Details));
    }
}
