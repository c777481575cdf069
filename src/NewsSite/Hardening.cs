using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace NewsSite;

/// <summary>
/// What makes the site safe to put on the internet: security headers, HTTPS, trusted proxies, cookie flags,
/// per-client rate limits and request size limits. Kept in one file so Program.cs gains two lines.
/// </summary>
public static class Hardening
{
    /// <summary>Public forms are a few short fields; anything bigger is abuse.</summary>
    public const int PublicFormBytes = 64 * 1024;

    // Scripts and styles come only from our own files; JSON-LD data blocks are not scripts to CSP, so they need no exception.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()";

    public static WebApplicationBuilder AddHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var news = builder.Configuration.GetSection(NewsOptions.SectionName).Get<NewsOptions>() ?? new NewsOptions();
        var httpsOnly = RequiresHttps(builder.Environment, news);

        // Forwarded headers are believed only from the proxies listed in News:TrustedProxies (none by default).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in news.TrustedProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // A fixed port (HTTPS_PORT, else 443) rather than discovery: if discovery failed, plain HTTP would reach pages whose
        // Secure-only antiforgery cookie cannot be set, and every form would answer 500.
        services.AddHttpsRedirection(o => o.HttpsPort =
            builder.Configuration.GetValue<int?>("HTTPS_PORT") ?? builder.Configuration.GetValue<int?>("ASPNETCORE_HTTPS_PORT") ?? 443);

        // Cookies: never readable by scripts; Secure always in production, as the request in plain-HTTP development.
        var secure = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = secure);
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Multipart bodies (the newsroom's uploads) may carry one upload and its form; public pages are capped per page below.
        var adminBytes = news.MaxUploadBytes + (1024 * 1024);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = adminBytes);
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AddFolderApplicationModelConvention("/", m =>
            {
                m.Filters.Add(new RequestSizeLimitAttribute(PublicFormBytes));
                m.Filters.Add(new RequestFormLimitsAttribute { ValueLengthLimit = PublicFormBytes, MultipartBodyLengthLimit = PublicFormBytes });
            });
            o.Conventions.AddAreaFolderApplicationModelConvention("Admin", "/", m =>
            {
                m.Filters.Add(new RequestSizeLimitAttribute(adminBytes));
                m.Filters.Add(new RequestFormLimitsAttribute { ValueLengthLimit = (int)adminBytes, MultipartBodyLengthLimit = adminBytes });
            });
        });

        // Sign-in, subscribe, search and sponsor clicks: per client IP, fixed windows from News:RateLimits; a 429 with Retry-After and the Arabic status page.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(LimitFor);
            o.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    public static WebApplication UseHardening(this WebApplication app)
    {
        // First, so that every response (static files, errors, redirects) carries the headers.
        app.Use((context, next) =>
        {
            // OnStarting: the exception handler clears headers set earlier; these are added as the response goes out.
            context.Response.OnStarting(AddSecurityHeaders, context.Response);
            return next(context);
        });
        if (app.Services.GetRequiredService<IOptions<NewsOptions>>().Value.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        if (RequiresHttps(app.Environment, app.Services.GetRequiredService<IOptions<NewsOptions>>().Value))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }

    private static Task AddSecurityHeaders(object response)
    {
        var headers = ((HttpResponse)response).Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        return Task.CompletedTask;
    }

    // HTTPS everywhere but Development; News:RequireHttps=false lets a plain-HTTP loopback run (the benchmark) be production otherwise.
    private static bool RequiresHttps(IHostEnvironment environment, NewsOptions news) =>
        !environment.IsDevelopment() && news.RequireHttps;

    /// <summary>
    /// The per-client limits, asked only by the requests they limit: every other request (a cached page above all)
    /// skips the limiter instead of taking an unlimited lease from it.
    /// </summary>
    public static IApplicationBuilder UseAbuseLimits(this IApplicationBuilder app) =>
        app.UseWhen(context => LimitedAction(context.Request) is not null, branch => branch.UseRateLimiter());

    /// <summary>Which limited action a request is, or null. Ordinal comparisons: an Arabic path is never case-mapped here.</summary>
    private static string? LimitedAction(HttpRequest request)
    {
        var path = request.Path.Value;
        if (string.Equals(path, "/search", StringComparison.OrdinalIgnoreCase))
        {
            return "search";
        }
        if (path is not null && path.StartsWith("/go/", StringComparison.OrdinalIgnoreCase))
        {
            return "go";
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }
        if (string.Equals(path, "/admin/login", StringComparison.OrdinalIgnoreCase)
            || string.Equals(path, "/admin/login/verify", StringComparison.OrdinalIgnoreCase))
        {
            return "sign-in";
        }
        return string.Equals(path, "/subscribe", StringComparison.OrdinalIgnoreCase) ? "subscribe" : null;
    }

    /// <summary>The limiter partition for a request: one per limited action and client IP.</summary>
    private static RateLimitPartition<string> LimitFor(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<NewsOptions>>().CurrentValue.RateLimits;
        var action = LimitedAction(context.Request);
        var limit = action switch
        {
            "sign-in" => limits.SignIn,
            "subscribe" => limits.Subscribe,
            "search" => limits.Search,
            "go" => limits.Go,
            _ => null,
        };
        if (limit is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{action}|{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });
    }
}

/// <summary>Requests allowed per client IP in each window.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The "News:RateLimits" section: generous for people, tight for scripts.</summary>
public sealed class RateLimitOptions
{
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    public RateLimit Subscribe { get; set; } = new() { PermitLimit = 5, WindowSeconds = 300 };

    public RateLimit Search { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    public RateLimit Go { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
}
