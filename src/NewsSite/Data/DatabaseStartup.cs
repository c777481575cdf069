using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsSite.Commands;

namespace NewsSite.Data;

/// <summary>Migrates the database before the site takes requests, and fills an empty one with demo content when asked.</summary>
public sealed class DatabaseStartup(IServiceProvider services, IOptions<NewsOptions> options, SiteSettingsStore settings)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await NewsStore.MigrateAsync(db, cancellationToken);
        await EnsureRolesAsync(scope.ServiceProvider);
        await settings.LoadAsync(cancellationToken);
        if (options.Value.DemoContent && !await db.Articles.AnyAsync(cancellationToken))
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    /// <summary>The newsroom's roles exist in every database; accounts are made by people (create-admin, staff admin).</summary>
    public static async Task EnsureRolesAsync(IServiceProvider provider)
    {
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
