using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>
/// Publishes scheduled articles when their time comes, whether or not anyone visits the site; after a
/// restart the first tick catches up on everything that fell due while it was down.
/// </summary>
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsOptions> options, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SchedulerSeconds)), time);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>
    /// Publishes every scheduled article that is due now; returns how many this call put live. Each is saved on its own,
    /// guarded by its version: when several instances (or an editor) save the same article at once exactly one save
    /// lands, and only that one writes the audit entry and purges the cache; the others change nothing.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var due = await db.Articles
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (article is null || !article.PublishIfDue(now))
            {
                continue; // deleted, or published or rescheduled by someone else since the query
            }
            db.Record(null, "المجدول", now, "publish", "Article", article.Id, "نُشر في موعده المجدول");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                published++;
            }
            catch (DbUpdateConcurrencyException)
            {
                LogLostRace(logger, id);
            }
        }
        return published;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Id} was saved elsewhere (another instance or an editor) while being published; left as that save made it")]
    private static partial void LogLostRace(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled articles failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
