using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Data;
using NewsSite.Domain;

namespace NewsSite.Tests;

/// <summary>
/// The real app over HTTP, on its own temporary database: a SQLite file, or a fresh PostgreSQL database with
/// NEWS_TEST_BACKEND=postgres. Configuration is overridden; DI only gains a SQL command counter.
/// </summary>
public class NewsSiteFactory : WebApplicationFactory<Program>
{
    public const string BrowserUserAgent =
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    /// <summary>The store this test run is about: NEWS_TEST_BACKEND = sqlite (the default) or postgres.</summary>
    public static readonly NewsDatabase RunBackend = Environment.GetEnvironmentVariable("NEWS_TEST_BACKEND")?.ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => NewsDatabase.Sqlite,
        "POSTGRES" => NewsDatabase.Postgres,
        // A typo must not pass as a green run on the default store.
        var other => throw new InvalidOperationException($"NEWS_TEST_BACKEND is '{other}': use sqlite or postgres."),
    };

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"newssite-tests-{Guid.NewGuid():N}.db");

    // Made when the first host starts (hosts made by WithWebHostBuilder share it), dropped on dispose.
    private readonly Lazy<string> _connectionString;

    public NewsSiteFactory() : this(RunBackend)
    {
    }

    /// <summary>
    /// For tests about one store whatever the run's backend (SQLite's lock waits and online backup, a PostgreSQL pool of
    /// one connection), with <paramref name="connectionSettings"/> added to the store's connection string.
    /// </summary>
    protected NewsSiteFactory(NewsDatabase backend, string connectionSettings = "")
    {
        Backend = backend;
        _connectionString = new(() =>
            (backend == NewsDatabase.Postgres ? PostgresTestDatabases.Create() : $"Data Source={_databasePath}") + connectionSettings);
    }

    public NewsDatabase Backend { get; }

    public string RedisPrefix { get; } = $"newssite-test-{Guid.NewGuid():N}:";

    // Uploads go to a folder of their own, not into the project's App_Data.
    private readonly string _mediaPath = Path.Combine(Path.GetTempPath(), $"newssite-tests-media-{Guid.NewGuid():N}");

    // Mail and the Data Protection key ring too: mail lands as .eml files the tests read.
    private readonly string _keysPath = Path.Combine(Path.GetTempPath(), $"newssite-tests-keys-{Guid.NewGuid():N}");

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"newssite-tests-mail-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("News:Database", Backend.ToString());
        builder.UseSetting("ConnectionStrings:News", _connectionString.Value);
        builder.UseSetting("News:MediaPath", _mediaPath);
        // With NEWS_TEST_REDIS set the whole suite runs on Redis too: page cache, key ring, save announcements; keys of this factory's own.
        if (Environment.GetEnvironmentVariable("NEWS_TEST_REDIS") is { Length: > 0 } redis)
        {
            builder.UseSetting("ConnectionStrings:Redis", redis);
            builder.UseSetting("News:RedisPrefix", RedisPrefix);
        }
        builder.UseSetting("News:Smtp:PickupDirectory", MailFolder);
        builder.UseSetting("News:KeysPath", _keysPath);
        builder.UseSetting("News:DemoContent", "false");
        // Tests flush view counts themselves.
        builder.UseSetting("News:ViewFlushSeconds", "3600");
        builder.UseSetting("News:PageSize", "5");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every staff request checks its account, so a disabled account or a changed password shows on the very next request.
        builder.UseSetting("News:StaffSessionCheckSeconds", "0");
        // Tests sign in and search far more often than a person; the rate-limit tests lower these again.
        foreach (var action in new[] { "SignIn", "Subscribe", "Search", "Go" })
        {
            builder.UseSetting($"News:RateLimits:{action}:PermitLimit", "100000");
        }
        // The one addition to DI: a SQL command counter, joined to the context as every registered interceptor is.
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(SqlCommands);
            services.AddSingleton<IInterceptor>(SqlCommands);
            services.AddSingleton<IStartupFilter>(SqlCommands);
        });
    }

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>A client that looks like a phone browser and shows redirects instead of following them.</summary>
    public HttpClient CreateReader()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
        return client;
    }

    public const string StaffPassword = "Newsroom-Test-2026";

    /// <summary>A new staff account with <paramref name="role"/>; returns its email.</summary>
    public async Task<string> CreateStaffAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        var created = await users.CreateAsync(user, StaffPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// <summary>A client signed in through the real /admin/login form as a new account with <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignInAsAsync(string role) => await SignInAsync(await CreateStaffAsync(role));

    /// <summary>A client signed in through the real /admin/login form as <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = StaffPassword)
    {
        var client = CreateReader();
        var response = await PostLoginAsync(client, email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the sign-in form: a redirect means signed in (or on to the two-factor step), 200 means refused.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password = StaffPassword) =>
        PostFormAsync(client, "/admin/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>GETs <paramref name="url"/>, takes the antiforgery token from its first form, and POSTs the fields to <paramref name="postUrl"/> (or the same URL).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, Dictionary<string, string> fields, string? postUrl = null)
    {
        using var content = new FormUrlEncodedContent(await WithAntiforgeryTokenAsync(client, url, fields));
        return await client.PostAsync(new Uri(postUrl ?? url, UriKind.Relative), content);
    }

    /// <summary>As <see cref="PostFormAsync"/>, as multipart/form-data with an optional file, the way a browser sends an upload.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(
        HttpClient client, string url, Dictionary<string, string> fields,
        (string Field, string FileName, byte[] Bytes)? file = null, string? postUrl = null)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in await WithAntiforgeryTokenAsync(client, url, fields))
        {
            content.Add(new StringContent(value), name);
        }
        if (file is { } upload)
        {
            content.Add(new ByteArrayContent(upload.Bytes), upload.Field, upload.FileName);
        }
        return await client.PostAsync(new Uri(postUrl ?? url, UriKind.Relative), content);
    }

    private static async Task<Dictionary<string, string>> WithAntiforgeryTokenAsync(
        HttpClient client, string url, Dictionary<string, string> fields)
    {
        var (_, page) = await GetPageAsync(client, url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")
                    ?? page.QuerySelector("form input[name=__RequestVerificationToken]");
        return new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = token?.GetAttribute("value") ?? "",
        };
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

    /// <summary>The audit trail of one item, oldest first.</summary>
    public Task<List<AuditEntry>> AuditOfAsync(string subject, int id)
    {
        var subjectId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == subject && e.SubjectId == subjectId).OrderBy(e => e.Id).ToListAsync());
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
        GC.SuppressFinalize(this);
        if (Environment.GetEnvironmentVariable("NEWS_TEST_REDIS") is { Length: > 0 } redis)
        {
            await RedisTestKeys.RemoveAsync(redis, RedisPrefix);
        }
        if (Backend == NewsDatabase.Postgres && _connectionString.IsValueCreated)
        {
            PostgresTestDatabases.Drop(_connectionString.Value);
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
        foreach (var folder in new[] { _mediaPath, MailFolder, _keysPath }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>The site on SQLite in every run: for what only the SQLite store does (waiting on a writer's lock, online backup).</summary>
public sealed class SqliteSiteFactory() : NewsSiteFactory(NewsDatabase.Sqlite);

/// <summary>
/// The site on PostgreSQL in every run with a pool of one connection, which gives up on a connection after 3 seconds: a
/// request holding a connection while it waits for a second one fails instead of waiting.
/// </summary>
public sealed class PostgresPoolOfOneFactory() : NewsSiteFactory(NewsDatabase.Postgres, ";Maximum Pool Size=1;Timeout=3");
