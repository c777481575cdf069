using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages.News;

public sealed class NextStoryTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Related_stories_come_from_the_same_section_shared_tags_first_without_the_current_one()
    {
        var section = Build.Section("رياضة");
        var other = Build.Section("ثقافة");
        var tag = Build.Tag("كرة القدم");
        var now = DateTime.UtcNow;
        var current = Build.Article(section, title: "الخبر الحالي").Published(now.AddHours(-1));
        current.Tags.Add(tag);
        var sharesTag = Build.Article(section, title: "خبر قديم بالوسم نفسه").Published(now.AddHours(-10));
        sharesTag.Tags.Add(tag);
        var newerNoTag = Build.Article(section, title: "خبر أحدث بلا وسم").Published(now.AddMinutes(-30));
        var otherSection = Build.Article(other, title: "خبر من قسم آخر بالوسم").Published(now.AddMinutes(-20));
        otherSection.Tags.Add(tag);
        var draft = Build.Article(section, title: "مسودة في القسم");
        await factory.SaveAsync(current, sharesTag, newerNoTag, otherSection, draft);
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, ArticleLinks.PathOf(current.Id, current.Slug));

        var related = page.QuerySelectorAll(".related .card-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(["خبر قديم بالوسم نفسه", "خبر أحدث بلا وسم"], related);
        // Under the story, before the column that holds most read (absent here: nothing has been read yet).
        var html = page.DocumentElement.OuterHtml;
        Assert.True(html.IndexOf("class=\"related\"", StringComparison.Ordinal) < html.IndexOf("class=\"col-aside\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Related_stories_stop_at_six_newest_first()
    {
        var section = Build.Section("تقنية");
        var now = DateTime.UtcNow;
        var current = Build.Article(section, title: "خبر تقني حالي").Published(now.AddDays(-1));
        var others = Enumerable.Range(1, 9).Select(i => Build.Article(section, title: $"خبر تقني {i}").Published(now.AddMinutes(-i))).ToList();
        await factory.SaveAsync([current, .. others]);
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, ArticleLinks.PathOf(current.Id, current.Slug));

        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"خبر تقني {i}"), page.QuerySelectorAll(".related .card-title a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Share_links_carry_the_encoded_canonical_url_and_load_nothing_from_elsewhere()
    {
        var article = Build.Article(title: "خبر للمشاركة & التعليق").Published();
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();
        var canonical = "http://localhost" + ArticleLinks.PathOf(article.Id, article.Slug);
        var encodedUrl = Uri.EscapeDataString(canonical);

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, ArticleLinks.PathOf(article.Id, article.Slug));

        var links = page.QuerySelectorAll(".share-list a").ToList();
        Assert.Equal(4, links.Count);
        Assert.Equal(
            ["https://wa.me/", "https://x.com/", "https://www.facebook.com/", "https://t.me/"],
            links.Select(a => new Uri(a.GetAttribute("href")!).GetLeftPart(UriPartial.Authority) + "/"));
        Assert.All(links, a =>
        {
            Assert.Contains(encodedUrl, a.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Contains("noopener", a.GetAttribute("rel"), StringComparison.Ordinal);
        });
        Assert.Contains("text=" + Uri.EscapeDataString(article.Title), links[1].GetAttribute("href"), StringComparison.Ordinal);
        var field = page.QuerySelector(".share-copy input")!;
        Assert.Equal(canonical, field.GetAttribute("value"));
        Assert.True(field.HasAttribute("readonly"));
        // The copy button waits for share.js; no script, stylesheet or image comes from another site.
        Assert.True(page.QuerySelector(".share-copy button")!.HasAttribute("hidden"));
        Assert.All(page.QuerySelectorAll("script[src], link[rel=stylesheet], img"),
            e => Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Urgent_strip_shows_only_recent_live_urgent_stories()
    {
        var now = DateTime.UtcNow;
        var recent = Urgent(Build.Article(title: "عاجل حديث").Published(now.AddHours(-2)));
        var old = Urgent(Build.Article(title: "عاجل قديم").Published(now.AddHours(-30)));
        var draft = Urgent(Build.Article(title: "عاجل مسودة"));
        var future = Urgent(Build.Article(title: "عاجل لم يحن وقته"));
        future.Schedule(now.AddHours(1));
        var calm = Build.Article(title: "خبر عادي حديث").Published(now.AddMinutes(-1));
        await factory.SaveAsync(recent, old, draft, future, calm);
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");

        var strip = page.QuerySelector(".urgent-strip")!;
        Assert.Equal("عاجل", strip.QuerySelector("h2")!.TextContent.Trim());
        var titles = strip.QuerySelectorAll("a").Select(a => a.TextContent).ToList();
        Assert.Contains("عاجل حديث", titles);
        Assert.DoesNotContain("عاجل قديم", titles);
        Assert.DoesNotContain("عاجل مسودة", titles);
        Assert.DoesNotContain("عاجل لم يحن وقته", titles);
        Assert.DoesNotContain("خبر عادي حديث", titles);
    }

    [Fact]
    public async Task Urgent_strip_is_absent_when_nothing_is_urgent()
    {
        await using var fresh = new NewsSiteFactory();
        await fresh.SaveAsync(Build.Article(title: "خبر هادئ").Published(), Urgent(Build.Article(title: "عاجل الأمس").Published(DateTime.UtcNow.AddDays(-2))));
        using var client = fresh.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");

        Assert.Null(page.QuerySelector(".urgent-strip"));
    }

    private static Article Urgent(Article article)
    {
        article.IsUrgent = true;
        return article;
    }
}
