using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using NewsSite.Content;
using NewsSite.Data;
using Serilog;

namespace NewsSite;

public static class NewsSiteServices
{
    public static WebApplicationBuilder AddNewsSite(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Logging: Serilog with levels from configuration, console writes off the request thread.
        services.AddSerilog((provider, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .WriteTo.Async(sink => sink.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)));

        // Settings with defaults; the clock and time zone every page shows.
        services.Configure<NewsOptions>(builder.Configuration.GetSection(NewsOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteClock>();

        // The store: SQLite by default, migrated (and seeded with demo content if asked) at start-up.
        services.AddNewsStore();
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddDbContextCheck<NewsDbContext>();

        // Content shared by pages: Markdown rendered at save, views counted in memory and flushed in the background.
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ViewCounter>();
        services.AddHostedService<ViewFlushService>();

        // Pages: Arabic goes out as UTF-8 characters, not &#x...; entities.
        services.AddRazorPages();
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        return builder;
    }
}
