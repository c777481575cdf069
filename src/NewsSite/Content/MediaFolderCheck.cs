using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsSite.Content;

/// <summary>/healthz: the media folder exists and takes a write, or uploads would fail while pages still load.</summary>
public sealed class MediaFolderCheck(MediaStore media) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(media.Root, $".health-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The media folder cannot be written.", ex);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    /// <summary>The overall status, then one line per check, so an operator sees which part failed (no exception details).</summary>
    public static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}").Prepend(report.Status.ToString());
        return context.Response.WriteAsync(string.Join('\n', lines));
    }
}
