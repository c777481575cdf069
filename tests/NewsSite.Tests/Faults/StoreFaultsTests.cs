using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsSite.Commands;
using NewsSite.Content;
using NewsSite.Tests.Builders;
using NewsSite.Tests.Pages.Newsletter;

namespace NewsSite.Tests.Faults;

/// <summary>What goes wrong in production on purpose, on either store: a shutdown, a broken media folder (SQLite's own in SqliteStoreTests).</summary>
public sealed class StoreFaultsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Shutdown_writes_sponsor_impressions_and_clicks_still_in_memory()
    {
        var sponsor = Build.Sponsor("راعي الإغلاق " + Build.Unique());
        await factory.SaveAsync(sponsor);
        using var reader = factory.CreateReader();
        for (var i = 0; i < 3; i++)
        {
            await reader.GetAsync(new Uri("/", UriKind.Relative));
        }
        await reader.GetAsync(new Uri($"/go/{sponsor.Id}", UriKind.Relative));
        await reader.GetAsync(new Uri($"/go/{sponsor.Id}", UriKind.Relative));

        var flusher = factory.Services.GetServices<IHostedService>().OfType<CounterFlushService>().Single();
        await flusher.StopAsync(CancellationToken.None);

        Assert.Equal(0, factory.Services.GetRequiredService<DailyCounter>().PendingCount);
        var stats = await factory.QueryAsync(db => db.SponsorDailyStats.Where(s => s.SponsorId == sponsor.Id)
            .GroupBy(s => s.SponsorId).Select(g => new { Impressions = g.Sum(s => s.Impressions), Clicks = g.Sum(s => s.Clicks) }).SingleAsync());
        Assert.Equal(3, stats.Impressions);
        Assert.Equal(2, stats.Clicks);
    }

    [Fact]
    public async Task Health_reports_a_media_folder_that_cannot_be_written()
    {
        var media = factory.Services.GetRequiredService<MediaStore>().Root;
        using var client = factory.CreateReader();
        Directory.Delete(media, recursive: true);
        try
        {
            var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy\ndatabase: Healthy\nmedia: Unhealthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.CreateDirectory(media);
        }
    }
}
