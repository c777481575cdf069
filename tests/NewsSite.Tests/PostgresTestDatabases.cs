using Microsoft.EntityFrameworkCore;
using NewsSite.Data;
using Npgsql;

namespace NewsSite.Tests;

/// <summary>
/// A fresh PostgreSQL database for each factory (NEWS_TEST_BACKEND=postgres), on the server NEWS_TEST_POSTGRES names:
/// migrated once per test run into a template, then each one is a quick CREATE DATABASE … TEMPLATE copy.
/// </summary>
internal static class PostgresTestDatabases
{
    private static readonly string Server = Environment.GetEnvironmentVariable("NEWS_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    // Every database of a run is named after its process, so a later run can tell which ones a killed run left behind.
    private const string Prefix = "newssite_test_";

    private static readonly Lazy<string> Template = new(CreateTemplate);

    // CREATE DATABASE copies the template only while nothing else holds it, so copies are made one at a time.
    private static readonly Lock CopyLock = new();

    public static string Create()
    {
        var template = Template.Value;
        var name = $"{Prefix}{Environment.ProcessId}_{Guid.NewGuid():N}";
        lock (CopyLock)
        {
            Execute($"""CREATE DATABASE "{name}" TEMPLATE "{template}" """);
        }
        return ConnectionTo(name);
    }

    public static void Drop(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute($"""DROP DATABASE IF EXISTS "{new NpgsqlConnectionStringBuilder(connectionString).Database}" WITH (FORCE)""");
    }

    // UTF-8 with C.UTF-8 rules whatever the cluster's defaults: the same words and order on every machine.
    private static string CreateTemplate()
    {
        DropLeftovers();
        var name = $"{Prefix}template_{Environment.ProcessId}_{Guid.NewGuid():N}";
        Execute($"""CREATE DATABASE "{name}" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' """);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
        // No pooled connection may stay open on a template, or copying it fails.
        var options = new DbContextOptionsBuilder<PostgresNewsDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(ConnectionTo(name)) { Pooling = false }.ToString()).Options;
        Task.Run(async () =>
        {
            await using var db = new PostgresNewsDbContext(options);
            await PostgresStore.MigrateAsync(db);
        }).GetAwaiter().GetResult();
        return name;
    }

    // The test host can be ended without running ProcessExit; databases of processes no longer alive on this machine go here.
    private static void DropLeftovers()
    {
        var names = new List<string>();
        using (var connection = Open())
        using (var command = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}%'", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            var pid = name[Prefix.Length..].Replace("template_", "", StringComparison.Ordinal).Split('_')[0];
            if (!Directory.Exists($"/proc/{pid}"))
            {
                Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
            }
        }
    }

    private static string ConnectionTo(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ToString();

    private static NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
