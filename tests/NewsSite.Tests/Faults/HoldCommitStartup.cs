using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(NewsSite.Tests.Faults.HoldCommitStartup))]

namespace NewsSite.Tests.Faults;

/// <summary>
/// A seam for <see cref="KilledPublishTests"/>, kept out of the app: loaded only into the real site that test starts as
/// a child process (ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=NewsSite.Tests). With <see cref="MarkerVariable"/> naming a
/// file, the first transaction that audits a publish stops just before its COMMIT, after writing to that file
/// what the transaction itself sees; the test kills the process there. The in-process test host never loads it.
/// </summary>
public sealed class HoldCommitStartup : IHostingStartup
{
    public const string MarkerVariable = "NEWS_TEST_HOLD_COMMIT";

    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        if (Environment.GetEnvironmentVariable(MarkerVariable) is { Length: > 0 } marker)
        {
            services.AddSingleton<IInterceptor>(new HoldCommitInterceptor(marker));
        }
    });

    // The editor saves asynchronously, so only the async hooks are needed.
    private sealed class HoldCommitInterceptor(string marker) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        // Whether each open transaction has audited a publish (EF's own statements are seen here; the search index's are not).
        private readonly ConditionalWeakTable<DbTransaction, object> _publishing = [];

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return ValueTask.FromResult(result);
        }

        public async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (_publishing.TryGetValue(transaction, out _))
            {
                var articleId = await ScalarAsync(transaction, "SELECT ArticleId FROM ArticleRevisions ORDER BY Id DESC LIMIT 1");
                var seen = await KilledPublishTests.StateAsync(transaction.Connection!, Convert.ToInt32(articleId, System.Globalization.CultureInfo.InvariantCulture), transaction);
                // Written aside and moved, so the test never reads half of it.
                await File.WriteAllTextAsync(marker + ".tmp", seen, CancellationToken.None);
                File.Move(marker + ".tmp", marker);
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
            }
            return result;
        }

        private void Note(DbCommand command)
        {
            if (command.Transaction is { } transaction
                && command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)
                && command.Parameters.Cast<DbParameter>().Any(p => p.Value is "publish"))
            {
                _publishing.AddOrUpdate(transaction, true);
            }
        }

        private static async Task<object?> ScalarAsync(DbTransaction transaction, string sql)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }
    }
}
