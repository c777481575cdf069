using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace NewsSite.Commands;

/// <summary>The maintenance commands of the same program: <c>dotnet run -- migrate</c> and friends.</summary>
public static class NewsCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<NewsDbContext>();
        var ct = CancellationToken.None;
        switch (args[0])
        {
            case "migrate":
                await NewsStore.MigrateAsync(db, ct);
                Console.WriteLine("The database is migrated.");
                return 0;
            case "seed-demo":
                await NewsStore.MigrateAsync(db, ct);
                if (await db.Articles.AnyAsync(ct))
                {
                    Console.WriteLine("The database already has articles; demo content was not added.");
                    return 0;
                }
                await DemoSeeder.SeedAsync(provider, ct);
                Console.WriteLine($"Demo content added: {DemoContent.Articles.Length} articles.");
                return 0;
            case "seed-bulk":
                if (!TryReadOption(args, "--articles", out var count) || count < 1)
                {
                    Console.Error.WriteLine("usage: seed-bulk --articles N   (N from 1 up)");
                    return 2;
                }
                await NewsStore.MigrateAsync(db, ct);
                var elapsed = await BulkSeeder.SeedAsync(provider, count, ct);
                Console.WriteLine($"Seeded {count} articles in {elapsed.TotalSeconds:F1} s.");
                return 0;
            case "reindex":
                await NewsStore.MigrateAsync(db, ct);
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                var indexed = await provider.GetRequiredService<ISearchIndex>().RebuildAsync(ct);
                Console.WriteLine($"Search index rebuilt: {indexed} articles in {stopwatch.Elapsed.TotalSeconds:F1} s.");
                return 0;
            case "backup":
                return await BackupAsync(db, args, ct);
            case "create-admin":
                return await CreateAdminAsync(provider, args, ct);
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: migrate, seed-demo, seed-bulk --articles N, reindex, create-admin --email E, backup --out FILE (SQLite).");
                return 2;
        }
    }

    private static async Task<int> BackupAsync(NewsDbContext db, string[] args, CancellationToken ct)
    {
        var outIndex = Array.IndexOf(args, "--out");
        if (outIndex < 0 || outIndex + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: backup --out FILE");
            return 2;
        }
        if (db is PostgresNewsDbContext)
        {
            Console.Error.WriteLine(PostgresStore.BackupAdvice);
            return 1;
        }
        var target = Path.GetFullPath(args[outIndex + 1]);
        await NewsStore.MigrateAsync(db, ct);
        await SqliteStore.BackupAsync(db, target, ct);
        Console.WriteLine($"Backed up to {target}.");
        return 0;
    }

    // The first admin: no default account or password exists anywhere, so a person makes one here.
    private static async Task<int> CreateAdminAsync(IServiceProvider provider, string[] args, CancellationToken ct)
    {
        var emailIndex = Array.IndexOf(args, "--email");
        var email = emailIndex >= 0 && emailIndex + 1 < args.Length ? args[emailIndex + 1].Trim() : "";
        if (!email.Contains('@', StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: create-admin --email E   (password from NEWS_ADMIN_PASSWORD or a prompt)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("NEWS_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password) && !Console.IsInputRedirected)
        {
            Console.Write("Password for the new admin: ");
            password = ReadHidden();
        }
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password: set NEWS_ADMIN_PASSWORD or run in a terminal to be asked.");
            return 2;
        }

        await NewsStore.MigrateAsync(provider.GetRequiredService<NewsDbContext>(), ct);
        await DatabaseStartup.EnsureRolesAsync(provider);
        var users = provider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new StaffUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = email,
                CreatedAt = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            // Running it again for the same address resets that admin's password: the way back in.
            result = await users.RemovePasswordAsync(user);
            result = result.Succeeded ? await users.AddPasswordAsync(user, password) : result;
        }
        if (result.Succeeded && !await users.IsInRoleAsync(user, StaffRoles.Admin))
        {
            result = await users.AddToRoleAsync(user, StaffRoles.Admin);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }
            return 1;
        }
        Console.WriteLine($"Admin {email} is ready: sign in at /admin/login.");
        return 0;
    }

    private static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        Console.WriteLine();
        return password.ToString();
    }

    private static bool TryReadOption(string[] args, string name, out int value)
    {
        var index = Array.IndexOf(args, name);
        value = 0;
        return index >= 0 && index + 1 < args.Length
            && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
