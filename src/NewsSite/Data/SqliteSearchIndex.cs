using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsSite.Content;
using NewsSite.Domain;

namespace NewsSite.Data;

/// <summary>
/// Search in SQLite: an FTS5 table (migration SearchIndex) of each article's normalized words, its rowid the article
/// id, with its status and publish time alongside so ranking and the live filter never read the Articles table.
/// </summary>
public sealed class SqliteSearchIndex(NewsDbContext db, TimeProvider time) : ISearchIndex
{
    private const int RebuildBatchSize = 1000;

    private const string LiveMatches = "ArticleSearch MATCH $match AND Status = $published AND PublishedAt <= $now";

    // bm25() is only allowed in the FTS scan itself, hence the materialized step. Titles weigh most, then summaries,
    // then bodies (status and time are unindexed and weigh nothing); the window count saves a second pass;
    // snippets are cut only for the page's rows, in the outer query.
    private const string SearchSql = $"""
        WITH matches AS MATERIALIZED (
            SELECT rowid AS Id, bm25(ArticleSearch, 0.0, 0.0, 10.0, 4.0, 1.0) AS Score, PublishedAt
            FROM ArticleSearch WHERE {LiveMatches}),
        hits AS (
            SELECT Id, Score, PublishedAt, count(*) OVER () AS Total FROM matches
            ORDER BY Score, PublishedAt DESC, Id DESC
            LIMIT $take OFFSET $skip)
        SELECT hits.Id, hits.Total, snippet(ArticleSearch, -1, char(2), char(3), '…', 16)
        FROM hits CROSS JOIN ArticleSearch
        WHERE ArticleSearch MATCH $match AND ArticleSearch.rowid = hits.Id
        ORDER BY hits.Score, hits.PublishedAt DESC, hits.Id DESC
        """;

    private const string CountSql = $"SELECT count(*) FROM ArticleSearch WHERE {LiveMatches}";


    public Task IndexAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default) =>
        WriteAsync(articles.Select(SearchDocument.Of), articles.Select(a => a.Id), cancellationToken);

    public Task RemoveAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken = default) =>
        WriteAsync([], articleIds, cancellationToken);

    public async Task<SearchPage> SearchAsync(string query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var match = MatchExpression(SearchTerms.From(query));
        if (match.Length == 0 || page < 1 || pageSize < 1)
        {
            return new SearchPage([], 0);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(SearchSql);
            AddFilter(command, match);
            command.Parameters.AddWithValue("$take", pageSize);
            command.Parameters.AddWithValue("$skip", (long)(page - 1) * pageSize);
            var hits = new List<SearchHit>();
            var total = 0;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    hits.Add(new SearchHit(reader.GetInt32(0), reader.GetString(2)));
                    total = reader.GetInt32(1);
                }
            }
            if (hits.Count == 0 && page > 1)
            {
                // Past the last page the window count has no row to ride on: count on its own.
                await using var count = Command(CountSql);
                AddFilter(count, match);
                total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
            return new SearchPage(hits, total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ArticleSearch;", cancellationToken);
        var count = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.Articles.AsNoTracking()
                .Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(RebuildBatchSize)
                .Select(a => new { a.Id, a.Status, a.PublishedAt, a.Title, a.Summary, a.BodyMarkdown })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            await WriteAsync(batch.Select(a => SearchDocument.Of(a.Id, a.Status, a.PublishedAt, a.Title, a.Summary, a.BodyMarkdown)), [], cancellationToken);
            count += batch.Count;
            lastId = batch[^1].Id;
        }
        // Merges the b-trees written batch by batch into one, so the first searches are as fast as later ones.
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch(ArticleSearch) VALUES ('optimize');", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>A database migrated from before search has articles and an empty index: fill it once.</summary>
    internal async Task FillIfEmptyAsync(CancellationToken cancellationToken)
    {
        var empty = await db.Database
            .SqlQueryRaw<bool>("SELECT EXISTS (SELECT 1 FROM Articles) AND NOT EXISTS (SELECT 1 FROM ArticleSearch) AS Value")
            .SingleAsync(cancellationToken);
        if (empty)
        {
            await RebuildAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Every word quoted as an FTS5 string, so nothing a reader types is query syntax; the last word also
    /// matches as a prefix (from two letters, which the table's prefix index serves), so results come while typing.
    /// </summary>
    internal static string MatchExpression(IReadOnlyList<string> words)
    {
        var match = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            match.Append(match.Length > 0 ? " " : "").Append('"').Append(words[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (i == words.Count - 1 && words[i].Length >= 2)
            {
                match.Append('*');
            }
        }
        return match.ToString();
    }

    private void AddFilter(SqliteCommand command, string match)
    {
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$published", (int)ArticleStatus.Published);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().UtcDateTime);
    }

    // Index writes share the caller's transaction (an editor's save, a seeding batch) or make their own, so a batch is one commit.
    private async Task WriteAsync(IEnumerable<SearchDocument> documents, IEnumerable<int> stale, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await using (own)
            {
                await using var delete = Command("DELETE FROM ArticleSearch WHERE rowid = $id;");
                var deleteId = delete.Parameters.Add("$id", SqliteType.Integer);
                foreach (var id in stale)
                {
                    deleteId.Value = id;
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }
                await using var insert = Command(
                    "INSERT INTO ArticleSearch (rowid, Status, PublishedAt, Title, Summary, Body) VALUES ($id, $status, $at, $title, $summary, $body);");
                var (docId, status, at, title, summary, body) = (
                    insert.Parameters.Add("$id", SqliteType.Integer), insert.Parameters.Add("$status", SqliteType.Integer),
                    insert.Parameters.Add("$at", SqliteType.Text), insert.Parameters.Add("$title", SqliteType.Text),
                    insert.Parameters.Add("$summary", SqliteType.Text), insert.Parameters.Add("$body", SqliteType.Text));
                foreach (var document in documents)
                {
                    // The time goes in as Microsoft.Data.Sqlite writes every DateTime, so it compares with $now as text.
                    (docId.Value, status.Value, at.Value) = (document.Id, (int)document.Status, document.PublishedAt is { } p ? (object)p : DBNull.Value);
                    (title.Value, summary.Value, body.Value) = (document.Title, document.Summary, document.Body);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
