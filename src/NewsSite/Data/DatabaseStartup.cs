using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsSite.Commands;
using NewsSite.Content;

namespace NewsSite.Data;

/// <summary>Migrates the database before the site takes requests, and fills an empty one with demo content when asked.</summary>
public sealed class DatabaseStartup(IServiceProvider services, IOptions<NewsOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await SqliteStore.MigrateAsync(db, cancellationToken);
        if (options.Value.DemoContent && !await db.Articles.AnyAsync(cancellationToken))
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
