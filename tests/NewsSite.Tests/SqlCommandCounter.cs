using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsSite.Tests;

/// <summary>
/// Counts the SQL commands each marked request runs (header <see cref="Header"/>), so a test can bound them:
/// an N+1 query fails the build; and the connections it opens. Only the test factory registers it.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IDbConnectionInterceptor, IStartupFilter
{
    public const string Header = "X-Test-Count-Sql";

    private static readonly AsyncLocal<string?> Current = new();

    private readonly ConcurrentDictionary<string, int> _counts = new();

    private readonly ConcurrentDictionary<string, int> _connections = new();

    public int CountOf(string requestId) => _counts.GetValueOrDefault(requestId);

    public int ConnectionsOf(string requestId) => _connections.GetValueOrDefault(requestId);

    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Count(_connections);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Count(_connections);
        return Task.CompletedTask;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(_counts);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(_counts);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(_counts);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(_counts);
        return base.ReaderExecuting(command, eventData, result);
    }

    private static void Count(ConcurrentDictionary<string, int> counts)
    {
        if (Current.Value is { } id)
        {
            counts.AddOrUpdate(id, 1, static (_, n) => n + 1);
        }
    }

    // First in the pipeline: everything the request runs, its components included, flows from here.
    Action<IApplicationBuilder> IStartupFilter.Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            Current.Value = context.Request.Headers[Header].FirstOrDefault();
            await nextMiddleware(context);
        });
        next(app);
    };
}
