using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsSite.Data;

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
                await SqliteStore.MigrateAsync(db, ct);
                Console.WriteLine("The database is migrated.");
                return 0;
            case "seed-demo":
                await SqliteStore.MigrateAsync(db, ct);
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
                await SqliteStore.MigrateAsync(db, ct);
                var elapsed = await BulkSeeder.SeedAsync(provider, count, ct);
                Console.WriteLine($"Seeded {count} articles in {elapsed.TotalSeconds:F1} s.");
                return 0;
            case "backup":
                return await BackupAsync(db, args, ct);
            case "create-admin":
                Console.Error.WriteLine("create-admin arrives with the newsroom (staff accounts); there are no accounts yet.");
                return 2;
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: migrate, seed-demo, seed-bulk --articles N, backup --out FILE.");
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
        var target = Path.GetFullPath(args[outIndex + 1]);
        await SqliteStore.MigrateAsync(db, ct);
        await SqliteStore.BackupAsync(db, target, ct);
        Console.WriteLine($"Backed up to {target}.");
        return 0;
    }

    private static bool TryReadOption(string[] args, string name, out int value)
    {
        var index = Array.IndexOf(args, name);
        value = 0;
        return index >= 0 && index + 1 < args.Length
            && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
