using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages;

/// <summary>"الأكثر قراءة" on a database of its own, so no other test's views interfere.</summary>
public sealed class MostReadTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Most_read_lists_the_ten_live_stories_with_most_views_in_the_last_seven_days()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var live = Enumerable.Range(1, 12).Select(i => Build.Article(title: $"خبر مقروء {i}").Published()).ToList();
        var draft = Build.Article(title: "مسودة كثيرة القراءات");
        var old = Build.Article(title: "خبر قرئ قبل أسبوع").Published(DateTime.UtcNow.AddDays(-20));
        await factory.SaveAsync([.. live, draft, old]);
        var views = live.Select((a, i) => new ArticleDailyViews { ArticleId = a.Id, Day = today, Views = (i + 1) * 10 })
            // Yesterday and six days ago still count; seven days ago is outside the window.
            .Append(new ArticleDailyViews { ArticleId = live[0].Id, Day = today.AddDays(-1), Views = 500 })
            .Append(new ArticleDailyViews { ArticleId = live[1].Id, Day = today.AddDays(-6), Views = 400 })
            .Append(new ArticleDailyViews { ArticleId = old.Id, Day = today.AddDays(-7), Views = 10_000 })
            .Append(new ArticleDailyViews { ArticleId = draft.Id, Day = today, Views = 10_000 });
        await factory.SaveAsync([.. views]);
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/");

        var titles = page.QuerySelectorAll(".most-read-list a").Select(a => a.TextContent).ToList();
        string[] expected =
        [
            "خبر مقروء 1", "خبر مقروء 2", "خبر مقروء 12", "خبر مقروء 11", "خبر مقروء 10",
            "خبر مقروء 9", "خبر مقروء 8", "خبر مقروء 7", "خبر مقروء 6", "خبر مقروء 5",
        ];
        Assert.Equal(expected, titles);
    }
}
