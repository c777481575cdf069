using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Commands;
using NewsSite.Tests.Builders;
using NewsSite.Tests.Pages.Newsletter;

namespace NewsSite.Tests.Faults;

/// <summary>What only the SQLite store does, so on SQLite in every run: a writer waits for another's lock, and the online backup restores.</summary>
public sealed class SqliteStoreTests(SqliteSiteFactory factory) : IClassFixture<SqliteSiteFactory>
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
    public async Task Backup_writes_a_database_that_opens_with_the_same_rows()
    {
        await NewsCommands.RunAsync(factory.Services, ["seed-demo"]);
        var target = Path.Combine(Path.GetTempPath(), $"newssite-backup-{Guid.NewGuid():N}.db");
        try
        {
            Assert.Equal(0, await NewsCommands.RunAsync(factory.Services, ["backup", "--out", target]));

            await using var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target};Pooling=False");
            await copy.OpenAsync();
            await using var command = copy.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Articles";
            Assert.Equal(await factory.QueryAsync(db => db.Articles.LongCountAsync()), (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            File.Delete(target);
        }
    }
}
