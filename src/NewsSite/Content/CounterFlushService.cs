using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>Writes counted views, impressions and clicks to the database every few seconds, and once more on a graceful shutdown.</summary>
public sealed partial class CounterFlushService(
    DailyCounter counter, IOptions<NewsOptions> options, TimeProvider time, ILogger<CounterFlushService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.ViewFlushSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: StopAsync does the last flush.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushQuietlyAsync(CancellationToken.None);
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await counter.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFlushError(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Counts could not be written; retrying at the next tick")]
    private static partial void LogFlushError(ILogger logger, Exception ex);
}
