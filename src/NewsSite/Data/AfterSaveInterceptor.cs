using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsSite.Data;

/// <summary>
/// Work that follows a successful save, decided from the change tracker before it (afterwards the entries are
/// unchanged): noted per context, done after the rows are written, dropped when the save fails.
/// </summary>
public abstract class AfterSaveInterceptor<TPending> : SaveChangesInterceptor
    where TPending : class
{
    // One interceptor serves every pooled context; each save's pending work is kept with its own context.
    private readonly ConditionalWeakTable<DbContext, TPending> _pending = [];

    /// <summary>What this save will need done afterwards, or null for nothing.</summary>
    protected abstract TPending? Collect(DbContext context);

    protected abstract ValueTask ApplyAsync(DbContext context, TPending pending, CancellationToken cancellationToken);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RunAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await RunAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && Collect(context) is { } pending)
        {
            _pending.AddOrUpdate(context, pending);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private async ValueTask RunAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }
        _pending.Remove(context);
        await ApplyAsync(context, pending, cancellationToken);
    }
}
