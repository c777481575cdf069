using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsSite.Data;

/// <summary>
/// Search in SQLite: an FTS5 table (migrations SearchIndex, SearchTextAsWritten) of each article's normalized words,
/// beside its text as written (unindexed, for snippets), its rowid the article id. It holds drafts too; what is live is
/// decided from Articles at query time, so publishing, unpublishing and scheduling are right at once without touching the index.
/// </summary>
public sealed class SqliteSearchIndex(NewsDbContext db, TimeProvider time) : ISearchIndex
{
    private const int RebuildBatchSize = 1000;

    // The few stories that are not live (drafts, in review, scheduled, future-dated), read from the Articles status
    // index once per query. Excluding them from the FTS scan means ranking never reads an Articles row per match.
    private const string NotLive = """
        rowid NOT IN (SELECT a.Id FROM Articles a
                      WHERE a.Status IN ($draft, $inReview, $scheduled) OR (a.Status = $published AND a.PublishedAt > $now))
        """;

    // The newest SearchPage.RankedMatches matches, walked from the end of the doclist: the lowest rowid among them
    // bounds the ranking and the count, so a word in every story costs what a rare one does.
    private const string PoolStartSql = $"""
        SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $match AND {NotLive}
        ORDER BY rowid DESC LIMIT 1 OFFSET $last
        """;

    // bm25() ranks in the FTS scan itself (titles weigh most, then summaries, then bodies); SQLite keeps only the
    // top rows while sorting. Ties go to the newer article (higher id), and the page is ordered by publish time
    // among equal scores when its cards are loaded.
    private const string SearchSql = $"""
        SELECT rowid, bm25(ArticleSearch, 10.0, 4.0, 1.0) AS Score
        FROM ArticleSearch WHERE ArticleSearch MATCH $match AND rowid >= $from AND {NotLive}
        ORDER BY Score, rowid DESC
        LIMIT $take OFFSET $skip
        """;

    private const string CountSql = $"SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $match AND rowid >= $from AND {NotLive}";

    // The page's rows' text as written (unindexed columns), for their snippets (SearchSnippet.Of).
    private const string TextSql = "SELECT rowid, TitleText, SummaryText, BodyText FROM ArticleSearch WHERE rowid IN (SELECT value FROM json_each($ids))";


    public Task IndexAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default) =>
        WriteAsync(articles.Select(SearchDocument.Of), articles.Select(a => a.Id), cancellationToken);

    public Task RemoveAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken = default) =>
        WriteAsync([], articleIds, cancellationToken);

    public async Task<SearchPage> SearchAsync(string query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.From(query);
        var match = MatchExpression(terms);
        if (match.Length == 0 || page < 1 || pageSize < 1)
        {
            return new SearchPage([], 0);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            long from;
            await using (var poolStart = Command(PoolStartSql))
            {
                AddFilter(poolStart, match, from: 0);
                poolStart.Parameters.AddWithValue("$last", SearchPage.RankedMatches - 1);
                from = await poolStart.ExecuteScalarAsync(cancellationToken) is long rowid ? rowid : 0;
            }
            var ranked = new List<(int Id, double Score)>();
            await using (var command = Command(SearchSql))
            {
                AddFilter(command, match, from);
                command.Parameters.AddWithValue("$take", pageSize);
                command.Parameters.AddWithValue("$skip", (long)(page - 1) * pageSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    ranked.Add((reader.GetInt32(0), reader.GetDouble(1)));
                }
            }
            // From the pool's start on there are exactly RankedMatches live matches; only a word in fewer stories is counted
            // (counting scans the doclist again, and a prefix word's doclists are merged again for it).
            var total = SearchPage.RankedMatches;
            if (from == 0)
            {
                await using var count = Command(CountSql);
                AddFilter(count, match, from);
                total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
            var snippets = new Dictionary<int, string>();
            if (ranked.Count > 0)
            {
                await using var command = Command(TextSql);
                command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ranked.Select(r => r.Id.ToString(CultureInfo.InvariantCulture))) + "]");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    snippets[reader.GetInt32(0)] = SearchSnippet.Of(terms, reader.GetString(1), reader.GetString(2), reader.GetString(3));
                }
            }
            var hits = ranked.Select(r => new SearchHit(r.Id, r.Score, snippets.GetValueOrDefault(r.Id, ""))).ToList();
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
                .Select(a => new { a.Id, a.Title, a.Summary, a.BodyMarkdown })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            await WriteAsync(batch.Select(a => SearchDocument.Of(a.Id, a.Title, a.Summary, a.BodyMarkdown)), [], cancellationToken);
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

    private void AddFilter(SqliteCommand command, string match, long from)
    {
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$from", from);
        // Each status by name, so SQLite reads them from the (Status, PublishedAt) index.
        command.Parameters.AddWithValue("$draft", (int)ArticleStatus.Draft);
        command.Parameters.AddWithValue("$inReview", (int)ArticleStatus.InReview);
        command.Parameters.AddWithValue("$scheduled", (int)ArticleStatus.Scheduled);
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
                await using var insert = Command("""
                    INSERT INTO ArticleSearch (rowid, Title, Summary, Body, TitleText, SummaryText, BodyText)
                    VALUES ($id, $title, $summary, $body, $titleText, $summaryText, $bodyText);
                    """);
                var docId = insert.Parameters.Add("$id", SqliteType.Integer);
                SqliteParameter Text(string name) => insert.Parameters.Add(name, SqliteType.Text);
                // What is matched (normalized), and what snippets show (as written).
                var (title, summary, body) = (Text("$title"), Text("$summary"), Text("$body"));
                var (titleText, summaryText, bodyText) = (Text("$titleText"), Text("$summaryText"), Text("$bodyText"));
                foreach (var document in documents)
                {
                    docId.Value = document.Id;
                    (title.Value, summary.Value, body.Value) = (document.NormalizedTitle, document.NormalizedSummary, document.NormalizedBody);
                    (titleText.Value, summaryText.Value, bodyText.Value) = (document.Title, document.Summary, document.Body);
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
