using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages.Sponsors;

public sealed class GoTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Every_click_by_a_person_counts_exactly_once_and_redirects_to_the_stored_target()
    {
        var sponsor = Build.Sponsor("راعٍ يُنقر", startsAt: DateTime.UtcNow.AddDays(-1), endsAt: DateTime.UtcNow.AddDays(1));
        await factory.SaveAsync(sponsor);
        var counter = factory.Services.GetRequiredService<DailyCounter>();
        await counter.FlushAsync(CancellationToken.None);
        using var reader = factory.CreateReader();
        using var bot = factory.CreateClient(new() { AllowAutoRedirect = false });
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Googlebot/2.1 (+http://www.google.com/bot.html)");

        const int Clicks = 20;
        var responses = await Task.WhenAll(Enumerable.Range(0, Clicks)
            .Select(_ => reader.GetAsync(new Uri($"/go/{sponsor.Id}?url=https://evil.example/", UriKind.Relative))));
        await bot.GetAsync(new Uri($"/go/{sponsor.Id}", UriKind.Relative));
        await counter.FlushAsync(CancellationToken.None);

        Assert.All(responses, r =>
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal(sponsor.TargetUrl, r.Headers.Location!.OriginalString);
            Assert.True(r.Headers.CacheControl!.NoStore);
        });
        Assert.Equal((0, Clicks), await StatsOfAsync(sponsor.Id));
    }

    [Fact]
    public async Task Clicks_add_to_the_day_already_stored_and_leave_impressions_alone()
    {
        var sponsor = Build.Sponsor("راعٍ له أرقام اليوم");
        await factory.SaveAsync(sponsor);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await factory.SaveAsync(new SponsorDailyStats { SponsorId = sponsor.Id, Day = today, Impressions = 40, Clicks = 3 });
        var counter = factory.Services.GetRequiredService<DailyCounter>();
        using var reader = factory.CreateReader();

        for (var flush = 0; flush < 2; flush++)
        {
            await reader.GetAsync(new Uri($"/go/{sponsor.Id}", UriKind.Relative));
            await reader.GetAsync(new Uri($"/go/{sponsor.Id}", UriKind.Relative));
            await counter.FlushAsync(CancellationToken.None);
        }

        Assert.Equal((40, 7), await StatsOfAsync(sponsor.Id));
    }

    [Fact]
    public async Task Unknown_switched_off_expired_or_future_sponsors_are_404_and_count_nothing()
    {
        var now = DateTime.UtcNow;
        var off = Build.Sponsor("راعٍ موقوف", active: false);
        var expired = Build.Sponsor("راعٍ انتهى", startsAt: now.AddDays(-10), endsAt: now.AddSeconds(-1));
        var future = Build.Sponsor("راعٍ لم يبدأ", startsAt: now.AddHours(1));
        var unsafeTarget = Build.Sponsor("راعٍ برابط قديم غير آمن");
        unsafeTarget.TargetUrl = "javascript:alert(1)";
        await factory.SaveAsync(off, expired, future, unsafeTarget);
        using var reader = factory.CreateReader();
        var ids = new[] { off.Id, expired.Id, future.Id, unsafeTarget.Id };
        var urls = ids.Select(id => $"/go/{id}")
            .Concat(["/go/987654", "/go/-1", "/go/0", "/go/abc", "/go/99999999999", "/go/https%3A%2F%2Fevil.example"]);

        foreach (var url in urls)
        {
            var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Headers.Location);
        }
        // The Arabic 404 page shows the live sponsors (their impressions count), but no click counts.
        await factory.Services.GetRequiredService<DailyCounter>().FlushAsync(CancellationToken.None);
        foreach (var id in ids)
        {
            Assert.Equal(0, (await StatsOfAsync(id)).Clicks);
        }
    }

    private Task<(long Impressions, long Clicks)> StatsOfAsync(int sponsorId) =>
        factory.QueryAsync(async db =>
        {
            var days = await db.SponsorDailyStats.Where(s => s.SponsorId == sponsorId).ToListAsync();
            return (days.Sum(d => d.Impressions), days.Sum(d => d.Clicks));
        });
}
