using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Commands;
using NewsSite.Content;
using NewsSite.Data;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Commands;

public sealed class NewsCommandsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Seed_demo_fills_an_empty_database_once_and_seed_bulk_adds_exactly_n()
    {
        // seed-demo only ever fills an empty database, whichever test of this class runs it first.
        Assert.Equal(0, await NewsCommands.RunAsync(factory.Services, ["seed-demo"]));
        Assert.Equal(0, await NewsCommands.RunAsync(factory.Services, ["seed-demo"]));
        var demo = await factory.QueryAsync(db => db.Articles.CountAsync());
        Assert.Equal(DemoContent.Articles.Length, demo);
        Assert.True(demo >= 30);
        Assert.True(await factory.QueryAsync(db => db.Sections.CountAsync()) >= 5);
        Assert.Equal(3, await factory.QueryAsync(db => db.Authors.CountAsync()));
        Assert.Equal(3, await factory.QueryAsync(db => db.Sponsors.CountAsync()));
        Assert.All(await factory.QueryAsync(db => db.Articles.Select(a => a.BodyHtml).ToListAsync()),
            html => Assert.Contains("<h2 id=", html));

        Assert.Equal(0, await NewsCommands.RunAsync(factory.Services, ["seed-bulk", "--articles", "120"]));
        Assert.Equal(demo + 120, await factory.QueryAsync(db => db.Articles.CountAsync()));
    }

    [Theory]
    [InlineData("seed-bulk")]
    [InlineData("seed-bulk", "--articles", "0")]
    [InlineData("seed-bulk", "--articles", "many")]
    [InlineData("backup")]
    [InlineData("no-such-command")]
    public async Task Bad_command_lines_exit_2_and_change_nothing(params string[] args)
    {
        var before = await factory.QueryAsync(db => db.Articles.CountAsync());

        Assert.Equal(2, await NewsCommands.RunAsync(factory.Services, args));
        Assert.Equal(before, await factory.QueryAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Reindex_rebuilds_the_search_index_from_scratch()
    {
        var tag = "t" + Build.Unique();
        var story = Build.Article(title: $"قمة المناخ {tag}").Published();
        await factory.SaveAsync(story);
        // Changes behind the application's back: a row rewritten in SQL and a stray index entry for no article.
        await factory.QueryAsync(db => db.Articles.Where(a => a.Id == story.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, $"مؤتمر الطاقة {tag}")));
        await factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(OrphanSql.Insert));
        Assert.Equal(1, await CountAsync($"المناخ {tag}"));

        Assert.Equal(0, await NewsCommands.RunAsync(factory.Services, ["reindex"]));

        Assert.Equal(0, await CountAsync($"المناخ {tag}"));
        Assert.Equal(1, await CountAsync($"موتمر {tag}"));
        Assert.Equal(0, await factory.QueryAsync(db => db.Database.SqlQueryRaw<int>(OrphanSql.Count).SingleAsync()));
    }

    [Fact]
    public async Task Backup_on_postgres_points_to_pg_dump_and_exits_1()
    {
        // The advice comes before any connection: this port has no server.
        await using var services = new ServiceCollection()
            .AddDbContext<NewsDbContext, PostgresNewsDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Port=1;Database=never"))
            .BuildServiceProvider();
        var target = Path.Combine(Path.GetTempPath(), $"newssite-backup-{Guid.NewGuid():N}.db");
        var error = new StringWriter();
        var stderr = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, await NewsCommands.RunAsync(services, ["backup", "--out", target]));
        }
        finally
        {
            Console.SetError(stderr);
        }

        Assert.Contains("pg_dump", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("النسخ الاحتياطي", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    // An index entry for no article, written behind the application's back in each store's own table.
    private (string Insert, string Count) OrphanSql => factory.Backend == NewsDatabase.Postgres
        ? ("""INSERT INTO "ArticleSearch" ("ArticleId", "Title", "Summary", "Body", "Words") VALUES (999999, 'يتيم', '', '', to_tsvector('simple', 'يتيم'))""",
            """SELECT count(*)::int AS "Value" FROM "ArticleSearch" WHERE "ArticleId" = 999999""")
        : ("INSERT INTO ArticleSearch (rowid, Title, Summary, Body) VALUES (999999, 'يتيم', '', '')",
            "SELECT count(*) AS Value FROM ArticleSearch WHERE rowid = 999999");

    private async Task<int> CountAsync(string query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISearchIndex>().SearchAsync(query, 1, 10)).Total;
    }
}
