using NewsSite.Content;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

public sealed class ArabicDatesOnPagesTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static readonly TimeZoneInfo Kuwait = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kuwait");

    [Fact]
    public async Task Article_page_shows_the_hijri_date_beside_the_gregorian_one()
    {
        var publishedAt = DateTime.UtcNow.AddHours(-3);
        var article = Build.Article(title: "خبر بتاريخين").Published(publishedAt);
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, ArticleLinks.PathOf(article.Id, article.Slug));

        var byline = page.QuerySelector(".byline")!.TextContent;
        Assert.Contains(ArabicDateLine.FormatStamp(publishedAt, Kuwait), byline, StringComparison.Ordinal);
        Assert.Contains(ArabicDates.Hijri(publishedAt, Kuwait), page.QuerySelector(".byline .hijri")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(" هـ", page.QuerySelector(".byline .hijri")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_show_a_relative_time_with_the_absolute_one_in_datetime_and_title()
    {
        var section = Build.Section();
        var publishedAt = DateTime.UtcNow.AddMinutes(-5).AddSeconds(-20);
        var article = Build.Article(section: section, title: "خبر قبل دقائق").Published(publishedAt);
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, $"/section/{section.Slug}");

        var time = page.QuerySelector(".card-meta time")!;
        Assert.Equal("منذ 5 دقائق", time.TextContent);
        Assert.Equal(SiteClock.Machine(publishedAt), time.GetAttribute("datetime"));
        Assert.Equal(ArabicDateLine.FormatStamp(publishedAt, Kuwait), time.GetAttribute("title"));
    }

    [Fact]
    public async Task A_section_name_with_markup_in_it_shows_on_cards_as_text()
    {
        var section = Build.Section(name: "<b>رياضة</b> & \"كرة\"");
        var article = Build.Article(section: section, title: "خبر في قسم باسم غريب").Published(DateTime.UtcNow.AddMinutes(-1));
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, $"/section/{section.Slug}");

        var link = page.QuerySelector(".card-meta a")!;
        Assert.Equal("<b>رياضة</b> & \"كرة\"", link.TextContent);
        Assert.Equal($"/section/{section.Slug}", link.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".card-meta b"));
        Assert.DoesNotContain("<b>رياضة", page.Source.Text, StringComparison.Ordinal);
    }
}
