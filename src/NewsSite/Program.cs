using NewsSite;
using NewsSite.Commands;
using NewsSite.Discovery;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsSite();
builder.AddHardening();
var app = builder.Build();

// `dotnet run -- <command>` runs a maintenance command instead of the site.
if (NewsCommands.IsCommand(args))
{
    return await NewsCommands.RunAsync(app.Services, args);
}

// Security headers on every response, trusted proxies, HTTPS outside Development.
app.UseHardening();

// Readers never see internals: Arabic error and status pages, for every environment.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    // A reader who closed the tab is not a server error: no 500 in the logs for an aborted request.
    SuppressDiagnosticsCallback = context => context.HttpContext.RequestAborted.IsCancellationRequested,
});
app.UseStatusCodePagesWithReExecute("/status/{0}");

// One log line per request.
app.UseRequestLog();

// Fingerprinted, pre-compressed static files; uploads from the media folder, cached for good (names are content hashes).
app.MapStaticAssets();
app.UseMediaFiles();

// Per-client limits on sign-in, subscribe, search and sponsor clicks (429 re-executes to the Arabic status page);
// before the page cache, so a cached search still counts against its client's limit.
app.UseAbuseLimits();

// Views and impressions next, so pages served from the cache count; then the page cache, which stores what
// compression (inside it) produced, so a hit costs no compression. The newsroom is never compressed: its pages carry tokens (BREACH).
app.UseReaderCounts();
app.UseOutputCache();
app.UsePageCacheETags();
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase),
    branch => branch.UseResponseCompression());

// Who is signing in to the newsroom, and what they may do.
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages().WithStaticAssets();
app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = MediaFolderCheck.WriteReportAsync });

// Feeds, sitemaps and robots.txt for feed readers and crawlers.
app.MapDiscovery();

await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
