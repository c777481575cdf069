namespace NewsSite.Content;

/// <summary>The "News" configuration section. Site identity moves to admin settings later; these are its defaults.</summary>
public sealed class NewsOptions
{
    public const string SectionName = "News";

    public string SiteName { get; set; } = "نبض الخبر";
    public string Tagline { get; set; } = "أخبار اليوم كما تحدث";
    public string TimeZone { get; set; } = "Asia/Kuwait";
    public string CopyrightHolder { get; set; } = "نبض الخبر";
    public string CreditText { get; set; } = "فريق نبض الخبر";
    public string CreditUrl { get; set; } = "/";

    /// <summary>The store that ConnectionStrings:News names: SQLite (embedded, the default) or PostgreSQL.</summary>
    public NewsDatabase Database { get; set; } = NewsDatabase.Sqlite;

    /// <summary>Fill an empty database with demo content at start-up.</summary>
    public bool DemoContent { get; set; }

    /// <summary>How often counted views, sponsor impressions and clicks are written to the database.</summary>
    public int ViewFlushSeconds { get; set; } = 10;

    public int PageSize { get; set; } = 20;

    /// <summary>The full-page cache for anonymous readers; off only to measure the uncached path.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>How long a cached page (and the active sponsors) may live without a purge: the bound on most-read and sponsor windows.</summary>
    public int OutputCacheSeconds { get; set; } = 60;

    /// <summary>URLs per sitemap file: the sitemaps protocol's limit; tests lower it to exercise the split.</summary>
    public int SitemapUrlsPerFile { get; set; } = 50_000;

    /// <summary>How often scheduled articles are checked for their time.</summary>
    public int SchedulerSeconds { get; set; } = 15;

    /// <summary>Where uploads are stored: outside the web root, under the content root unless absolute.</summary>
    public string MediaPath { get; set; } = "App_Data/media";

    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How often a signed-in staff session is checked against its account (disabled, password changed).</summary>
    public int StaffSessionCheckSeconds { get; set; } = 60;

    /// <summary>Outgoing mail: SMTP when a host is set, a pickup folder of .eml files otherwise.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How long a newsletter confirmation link works.</summary>
    public int NewsletterConfirmHours { get; set; } = 48;

    /// <summary>The Data Protection key ring (it signs login cookies and newsletter links): kept, so links in mail survive restarts and deploys.</summary>
    public string KeysPath { get; set; } = "App_Data/keys";

    /// <summary>Prefix of every Redis key and channel (with ConnectionStrings:Redis set), so several sites can share one Redis.</summary>
    public string RedisPrefix { get; set; } = "newssite:";

    /// <summary>Proxies whose X-Forwarded-For/-Proto are believed (IP addresses); none by default.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Per-client limits on sign-in, subscribe, search and sponsor clicks.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>HSTS, HTTPS redirection and Secure-only cookies outside Development; off only for plain-HTTP loopback runs.</summary>
    public bool RequireHttps { get; set; } = true;
}
