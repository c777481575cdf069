using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Data;

namespace NewsSite.Tests;

/// <summary>The real app over HTTP, on its own temporary SQLite file; configuration is overridden, DI is not.</summary>
public sealed class NewsSiteFactory : WebApplicationFactory<Program>
{
    public const string BrowserUserAgent =
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"newssite-tests-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:News", $"Data Source={_databasePath}");
        builder.UseSetting("News:DemoContent", "false");
        // Tests flush view counts themselves.
        builder.UseSetting("News:ViewFlushSeconds", "3600");
        builder.UseSetting("News:PageSize", "5");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>A client that looks like a phone browser and shows redirects instead of following them.</summary>
    public HttpClient CreateReader()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
        return client;
    }

    public async Task SaveAsync(params object[] entities)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public async Task<T> QueryAsync<T>(Func<NewsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(html));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
