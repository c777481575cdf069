using System.Net;
using Microsoft.EntityFrameworkCore;

namespace NewsSite.Tests.Pages;

/// <summary>A database that fails under the site, on its own factory since it breaks that database.</summary>
public sealed class ErrorPageTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task A_server_error_answers_an_arabic_500_without_internals()
    {
        using var client = factory.CreateReader();
        // Started and migrated, without putting the home page or the sponsors in memory.
        await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        // PostgreSQL needs the quoted name and CASCADE for the sponsor stats' foreign key; SQLite knows no CASCADE.
        await factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            factory.Backend == NewsSite.Data.NewsDatabase.Postgres ? "DROP TABLE \"Sponsors\" CASCADE" : "DROP TABLE Sponsors"));

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, "/");
        var html = page.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("عذرًا، حدث خطأ غير متوقع", page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Sponsors", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }
}
