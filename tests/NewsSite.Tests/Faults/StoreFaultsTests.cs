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

/// <summary>What goes wrong in production on purpose: a locked database, a shutdown, a backup and restore, a broken media folder.</summary>
public sealed class StoreFaultsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private string DatabaseFile =>
        new SqliteConnectionStringBuilder(factory.Services.GetRequiredService<IConfiguration>().GetConnectionString("News")).DataSource;

    [Fact]
    public async Task A_write_while_another_writer_holds_the_lock_waits_instead_of_failing()
    {
        using var reader = factory.CreateReader();
        await reader.GetAsync(new Uri("/", UriKind.Relative));
        await using var other = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            // A second writer (another process, a backup tool) takes the write lock and keeps it for a moment.
            begin.CommandText = "BEGIN IMMEDIATE; UPDATE Sections SET Name = Name;";
            await begin.ExecuteNonQueryAsync();
        }

        var subscribing = SubscribeTests.PostAsync(reader, "locked-writer@example.com");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(subscribing.IsCompleted, "the site's write should be waiting for the lock");
        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        var response = await subscribing;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Subscribers.CountAsync(s => s.Email == "locked-writer@example.com")));
    }

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
    public async Task A_backup_taken_while_readers_subscribe_restores_to_a_working_site()
    {
        var article = Build.Article(title: "خبر قبل النسخة الاحتياطية").Published();
        await factory.SaveAsync(article);
        var backup = Path.Combine(Path.GetTempPath(), $"newssite-backup-{Guid.NewGuid():N}.db");
        var restored = Path.Combine(Path.GetTempPath(), $"newssite-restored-{Guid.NewGuid():N}.db");
        try
        {
            // Writes keep coming while the backup runs: SQLite's online backup copies a consistent snapshot.
            using var cancel = new CancellationTokenSource();
            var writes = Task.Run(async () =>
            {
                using var reader = factory.CreateReader();
                var n = 0;
                while (!cancel.IsCancellationRequested)
                {
                    Assert.Equal(HttpStatusCode.Redirect, (await SubscribeTests.PostAsync(reader, $"during-backup-{n++}@example.com")).StatusCode);
                }
                return n;
            });
            await Task.Delay(200);
            Assert.Equal(0, await NewsCommands.RunAsync(factory.Services, ["backup", "--out", backup]));
            await cancel.CancelAsync();
            Assert.True(await writes > 0);
            await factory.SaveAsync(Build.Subscriber("after-backup@example.com"));

            // The README's restore: with the site stopped, copy the backup over the database file and drop any -wal/-shm beside it.
            File.Copy(backup, restored);
            using var site = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:News", $"Data Source={restored}"));
            using var client = site.CreateClient();
            await using (var scope = site.Services.CreateAsyncScope())
            {
                // The restored site reads the copy: what was written after the backup is not there.
                var db = scope.ServiceProvider.GetRequiredService<NewsSite.Data.NewsDbContext>();
                Assert.Equal(restored, new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
                Assert.False(await db.Subscribers.AnyAsync(s => s.Email == "after-backup@example.com"));
            }
            var response = await client.GetAsync(new Uri($"/news/{article.Id}/{Uri.EscapeDataString(article.Slug)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(article.Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("Healthy\ndatabase: Healthy\nmedia: Healthy", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { backup, restored }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
            {
                File.Delete(file);
            }
        }
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
