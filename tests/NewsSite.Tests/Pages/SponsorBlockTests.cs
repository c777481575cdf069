using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

public sealed class SponsorBlockTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Only_active_sponsors_inside_their_window_show_by_priority()
    {
        var now = DateTime.UtcNow;
        await factory.SaveAsync(
            Build.Sponsor("الراعي الثاني", priority: 2, startsAt: now.AddDays(-1), endsAt: now.AddDays(1)),
            Build.Sponsor("الراعي الأول", priority: 1),
            Build.Sponsor("راعٍ انتهت مدته", priority: 0, startsAt: now.AddDays(-10), endsAt: now.AddMinutes(-1)),
            Build.Sponsor("راعٍ لم يبدأ", priority: 0, startsAt: now.AddMinutes(5)),
            Build.Sponsor("راعٍ موقوف", priority: 0, active: false),
            Build.Sponsor("راعي التذييل", SponsorPlacement.Footer));
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");

        var header = page.QuerySelector(".sponsors-header")!;
        Assert.Equal("هذا الموقع برعاية", header.QuerySelector("h2")!.TextContent);
        Assert.Equal(["الراعي الأول", "الراعي الثاني"], header.QuerySelectorAll(".sponsor span").Select(s => s.TextContent));
        Assert.All(header.QuerySelectorAll("a.sponsor"), a => Assert.Equal("sponsored noopener", a.GetAttribute("rel")));
        // Links count the click on the way out; the target address itself is never in the page.
        Assert.All(header.QuerySelectorAll("a.sponsor"), a => Assert.Matches("^/go/[0-9]+$", a.GetAttribute("href")));
        Assert.All(header.QuerySelectorAll("a.sponsor img"), img => Assert.NotNull(img.GetAttribute("width")));
        var footer = page.QuerySelector(".sponsors-footer")!;
        Assert.Equal("برعاية", footer.QuerySelector("h2")!.TextContent);
        Assert.Equal(["راعي التذييل"], footer.QuerySelectorAll(".sponsor span").Select(s => s.TextContent));
    }

    [Fact]
    public async Task Every_page_a_person_sees_counts_one_impression_for_each_sponsor_shown()
    {
        var header = Build.Sponsor("راعٍ يُعد ظهوره");
        var footer = Build.Sponsor("راعٍ سفلي يُعد ظهوره", SponsorPlacement.Footer);
        var hidden = Build.Sponsor("راعٍ موقوف لا يظهر", active: false);
        var article = Build.Article(title: "خبر تحته رعاة").Published();
        await factory.SaveAsync(header, footer, hidden, article);
        var counter = factory.Services.GetRequiredService<DailyCounter>();
        await counter.FlushAsync(CancellationToken.None);
        using var reader = factory.CreateReader();
        using var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)");

        const int HomeViews = 9, ArticleViews = 6;
        await Task.WhenAll(Enumerable.Range(0, HomeViews).Select(_ => reader.GetAsync(new Uri("/", UriKind.Relative)))
            .Concat(Enumerable.Range(0, ArticleViews).Select(_ => reader.GetAsync(new Uri(ArticleLinks.PathOf(article.Id, article.Slug), UriKind.Relative)))));
        await bot.GetAsync(new Uri("/", UriKind.Relative));
        await counter.FlushAsync(CancellationToken.None);

        var impressions = await factory.QueryAsync(db => db.SponsorDailyStats
            .Where(s => s.SponsorId == header.Id || s.SponsorId == footer.Id || s.SponsorId == hidden.Id)
            .GroupBy(s => s.SponsorId).ToDictionaryAsync(g => g.Key, g => g.Sum(s => s.Impressions)));
        Assert.Equal(HomeViews + ArticleViews, impressions[header.Id]);
        Assert.Equal(HomeViews + ArticleViews, impressions[footer.Id]);
        Assert.False(impressions.ContainsKey(hidden.Id));
    }

    [Fact]
    public void Sponsor_window_starts_inclusive_and_ends_exclusive()
    {
        var start = new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
        var sponsor = Build.Sponsor("راعٍ", startsAt: start, endsAt: start.AddDays(7));

        Assert.False(sponsor.IsActiveOn(start.AddTicks(-1)));
        Assert.True(sponsor.IsActiveOn(start));
        Assert.True(sponsor.IsActiveOn(start.AddDays(7).AddTicks(-1)));
        Assert.False(sponsor.IsActiveOn(start.AddDays(7)));
        sponsor.IsActive = false;
        Assert.False(sponsor.IsActiveOn(start.AddDays(1)));
    }
}

/// <summary>A site with no sponsors at all, on its own database.</summary>
public sealed class NoSponsorTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task A_placement_without_sponsors_renders_nothing()
    {
        await factory.SaveAsync(Build.Sponsor("راعٍ منتهٍ", endsAt: DateTime.UtcNow.AddDays(-1)));
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");

        Assert.Null(page.QuerySelector(".sponsors"));
        Assert.DoesNotContain("برعاية", page.Body!.TextContent);
    }
}
