using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Serilog;

namespace NewsSite;

public static class NewsSiteServices
{
    /// <summary>Newsroom folders only admins may open.</summary>
    public static readonly string[] AdminOnlyFolders = ["/Sponsors", "/Staff", "/Settings", "/Subscribers", "/Audit"];

    /// <summary>Newsroom folders for editors and admins (writers only write articles).</summary>
    public static readonly string[] EditorFolders = ["/Sections", "/Tags", "/Authors"];

    /// <summary>Reader pages anonymous GETs of which the page cache shares; they also count sponsor impressions.</summary>
    public static readonly string[] CachedReaderPages = ["/Index", "/News/Details", "/Sections/Details", "/Tags/Details", "/Authors/Details", "/Search"];

    /// <summary>Reader pages with the sponsor blocks that stay uncached (forms, signed links, status codes).</summary>
    public static readonly string[] UncachedReaderPages = ["/Newsletter/Subscribe", "/Newsletter/Confirm", "/Newsletter/Unsubscribe", "/Status"];

    public static WebApplicationBuilder AddNewsSite(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // The web root is the repository's top-level wwwroot: when run from a build (any environment) the
        // static web assets manifest points there; a published app carries its own wwwroot instead.
        builder.WebHost.UseStaticWebAssets();

        // Logging: Serilog with levels from configuration, to standard output in batches off the request thread.
        services.AddSerilog((provider, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            // Hosting's own per-request logger: while it is enabled at any level ASP.NET Core starts an Activity and a log
            // scope (escaping the Arabic path) on every request, which our one request line never shows.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", Serilog.Events.LevelAlias.Off)
            .WriteTo.Sink(new ConsoleLog(), ConsoleLog.Batching));

        // Settings: configured defaults, then what admins save; the clock and time zone every page shows.
        services.Configure<NewsOptions>(builder.Configuration.GetSection(NewsOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteSettingsStore>();
        services.AddSingleton<SiteClock>();

        // The store: SQLite by default or PostgreSQL (News:Database), migrated (and seeded with demo content if asked) at start-up.
        services.AddNewsStore(builder.Configuration);
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddDbContextCheck<NewsDbContext>("database").AddCheck<MediaFolderCheck>("media");

        // Content shared by pages: Markdown rendered at save; views, sponsor impressions and clicks counted in memory and flushed in the background.
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<DailyCounter>();
        services.AddHostedService<CounterFlushService>();
        services.AddSingleton<MediaStore>();

        // The page cache: whole reader pages, compressed once (Brotli or gzip, fastest) and stored that way; purged by tag on every content save.
        // Paths keep their case in the key: upper-casing an Arabic path goes through ICU on every lookup.
        services.AddOutputCache(o => o.UseCaseSensitivePaths = true);
        // Several instances behind one address: with ConnectionStrings:Redis the page cache, the key ring and the news of every save are shared.
        ClusterChanges.AddWhenConfigured(services, builder.Configuration);
        // What reader pages hold in memory, each also an IHeldQuery that ContentChanges drops on a save.
        AddHeld<ActiveSponsors>(services);
        AddHeld<Pages.Components.SectionNavViewComponent.Sections>(services);
        AddHeld<Pages.Components.MostReadViewComponent.List>(services);
        AddHeld<ListingCounts>(services);
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ContentChanges>();
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/rss+xml", "application/atom+xml", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        // The newsletter: signed links (keys kept with the data, so links in mail survive restarts; in Redis when configured, so every
        // instance reads sign-in cookies and antiforgery tokens of the others), mail queued off the request, SMTP if configured, else .eml files.
        services.AddDataProtection().SetApplicationName("NewsSite");
        services.AddOptions<KeyManagementOptions>().Configure<Microsoft.Extensions.Options.IOptions<NewsOptions>, IHostEnvironment, IServiceProvider>(
            (o, news, environment, provider) => o.XmlRepository = provider.GetService<StackExchange.Redis.IConnectionMultiplexer>() is { } redis
                ? new Microsoft.AspNetCore.DataProtection.StackExchangeRedis.RedisXmlRepository(() => redis.GetDatabase(), news.Value.RedisPrefix + "dataprotection-keys")
                : new FileSystemXmlRepository(
                    new DirectoryInfo(Path.GetFullPath(news.Value.KeysPath, environment.ContentRootPath)), provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<NewsletterTokens>();
        services.AddSingleton<NewsletterMail>();
        services.AddSingleton<IMailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NewsOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<PickupFolderMailSender>(provider)
                : ActivatorUtilities.CreateInstance<SmtpMailSender>(provider));
        services.AddSingleton<MailOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<MailOutbox>());

        // Scheduled articles go live on time without a visitor.
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledPublisher>());

        // The newsroom: Identity accounts in the same database, signed in at /admin/login, one policy per level of trust.
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 6;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ArabicIdentityErrors>();
        // A disabled account or a changed password ends other sessions within News:StaffSessionCheckSeconds (a minute).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<Microsoft.Extensions.Options.IOptions<NewsOptions>>(
            (o, news) => o.ValidationInterval = TimeSpan.FromSeconds(news.Value.StaffSessionCheckSeconds));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "news.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = "/admin/login";
            o.LogoutPath = "/admin/logout";
            o.AccessDeniedPath = "/admin/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // A signed-in member without the right role gets a real 403 (with the Arabic status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(StaffPolicies.Editing, p => p.RequireRole(StaffRoles.Editor, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Admin, p => p.RequireRole(StaffRoles.Admin));

        // Pages: Arabic goes out as UTF-8 characters, not &#x...; entities; binding errors are in Arabic too; bound text loses
        // the characters HTML may not carry.
        services.AddRazorPages(o =>
        {
            // Secure the newsroom once, by folder; a new page inherits its folder's policy.
            o.Conventions.AuthorizeAreaFolder("Admin", "/", StaffPolicies.Staff);
            o.Conventions.AllowAnonymousToAreaPage("Admin", "/Account/Login");
            o.Conventions.AllowAnonymousToAreaPage("Admin", "/Account/LoginTwoFactor");
            foreach (var folder in AdminOnlyFolders)
            {
                o.Conventions.AuthorizeAreaFolder("Admin", folder, StaffPolicies.Admin);
            }
            foreach (var folder in EditorFolders)
            {
                o.Conventions.AuthorizeAreaFolder("Admin", folder, StaffPolicies.Editing);
            }
            foreach (var page in CachedReaderPages)
            {
                o.Conventions.AddPageApplicationModelConvention(page, m =>
                {
                    m.EndpointMetadata.Add(PageCache.Policy);
                    m.EndpointMetadata.Add(new ReaderPage(CountsArticleView: page == "/News/Details"));
                    m.Filters.Add(OneConnectionPerPage.Filter);
                });
            }
            foreach (var page in UncachedReaderPages)
            {
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new ReaderPage()));
            }
            // One editor page for a new article and an existing one.
            o.Conventions.AddAreaPageRoute("Admin", "/Articles/Edit", "admin/articles/new");
        }).AddMvcOptions(o =>
        {
            o.ModelBindingMessageProvider.UseArabic();
            o.ModelBinderProviders.Insert(0, new PlainTextBinderProvider());
        });
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        return builder;
    }

    private static void AddHeld<T>(IServiceCollection services)
        where T : class, IHeldQuery
    {
        services.AddSingleton<T>();
        services.AddSingleton<IHeldQuery>(provider => provider.GetRequiredService<T>());
    }
}
