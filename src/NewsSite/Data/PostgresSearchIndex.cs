using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace NewsSite.Data;

/// <summary>
/// Search in PostgreSQL: a table (migrations Postgres/SearchIndex, SearchTextAsWritten) of each article's text as written
/// (for snippets) and a tsvector of its normalized words under a GIN index beside its id's bucket (SearchInIdBuckets). The words are cut by <see cref="SearchTerms.Words"/>, the same cut the query gets,
/// and the 'simple' configuration only lowercases them, so both stores match the same words. It holds drafts too;
/// what is live is decided from Articles at query time, as in SQLite.
/// </summary>
public sealed class PostgresSearchIndex(NewsDbContext db, TimeProvider time) : ISearchIndex
{
    private const int RebuildBatchSize = 1000;

    // Title, summary and body weigh A, B and C; ts_rank's weights are listed {D, C, B, A} and follow bm25's 10:4:1 in SQLite.
    private const string Weights = "ARRAY[0.1, 0.1, 0.4, 1.0]::real[]";

    // Ids fall in buckets of this many, and the GIN index (migration SearchInIdBuckets) holds each story's bucket
    // beside its words: GIN yields matches in no order, so the newest of a word in thousands of stories are found in
    // the newest buckets first, and only the matches there are read.
    private const int IdsPerBucket = 1024;

    // Buckets searched first (from the newest), and how much wider each further try is: a word in one story of 16 or
    // more takes one try; at 100,000 stories a rarer one takes three, the last over the whole index. A try after one
    // that fell short reads about four times the matches the pool needs at most, on average.
    private const int FirstSpan = 8;
    private const int SpanGrowth = 4;

    // The newest SearchPage.RankedMatches live matches, by id (the newer story has the higher), in one array; and the
    // newest bucket, which tells whether a span covered them all. The query is MATERIALIZED so the planner does not
    // see the words: with a common word's count in view it reads the whole table rather than the index, as it costs
    // the vectors stored out of line at nothing (measured 300 ms). Ordering by "ArticleId" + 0 keeps it off the
    // primary key, which it would walk backwards reading the vector of every story it passes. What is not live is
    // the few drafts and future stories, read from the Articles status index once and excluded, as on SQLite: joining
    // every match to Articles cost an index lookup per match.
    private static string PoolSql(string window) => $"""
        WITH query AS MATERIALIZED (SELECT to_tsquery('simple', @query) AS q),
        newest AS MATERIALIZED (SELECT coalesce(max("ArticleId"), 0) / {IdsPerBucket} AS bucket FROM "ArticleSearch")
        SELECT coalesce(array_agg(n."ArticleId"), ARRAY[]::integer[]) AS "Ids", (SELECT bucket FROM newest) AS "NewestBucket"
        FROM (SELECT s."ArticleId"
              FROM "ArticleSearch" s CROSS JOIN query
              WHERE s."Words" @@ query.q {window}
                AND s."ArticleId" NOT IN (SELECT a."Id" FROM "Articles" a
                                          WHERE a."Status" IN (@draft, @inReview, @scheduled) OR (a."Status" = @published AND a."PublishedAt" > @now))
              ORDER BY s."ArticleId" + 0 DESC
              LIMIT @pool) n
        """;

    private static readonly string PoolInSpanSql = PoolSql($"""AND s."ArticleId" / {IdsPerBucket} > (SELECT bucket FROM newest) - @span""");
    private static readonly string PoolOfAllSql = PoolSql("");

    // The page among the pool, best first (the newer, higher id, among equals; the page orders equal scores by publish
    // time), with those rows' text for their snippets. Only the pool's vectors are read, to rank them. The query is
    // MATERIALIZED to be parsed once, not once per ranked row (0.5 of 2 ms).
    private const string PageSql = $"""
        WITH query AS MATERIALIZED (SELECT to_tsquery('simple', @query) AS q),
        page AS (
            SELECT s."ArticleId", ts_rank({Weights}, s."Words", query.q) AS "Rank"
            FROM "ArticleSearch" s CROSS JOIN query
            WHERE s."ArticleId" = ANY(@ids)
            ORDER BY "Rank" DESC, s."ArticleId" DESC
            LIMIT @take OFFSET @skip)
        SELECT p."ArticleId", p."Rank", s."Body", s."Summary", s."Title"
        FROM page p JOIN "ArticleSearch" s ON s."ArticleId" = p."ArticleId"
        ORDER BY p."Rank" DESC, p."ArticleId" DESC
        """;

    // A batch is one statement; an article saved again replaces its row.
    private const string UpsertSql = """
        INSERT INTO "ArticleSearch" ("ArticleId", "Title", "Summary", "Body", "Words")
        SELECT d.id, d.title, d.summary, d.body,
               setweight(to_tsvector('simple', d.title_words), 'A') || setweight(to_tsvector('simple', d.summary_words), 'B')
               || setweight(to_tsvector('simple', d.body_words), 'C')
        FROM unnest(@ids, @titles, @summaries, @bodies, @titleWords, @summaryWords, @bodyWords)
             AS d(id, title, summary, body, title_words, summary_words, body_words)
        ON CONFLICT ("ArticleId") DO UPDATE SET
            "Title" = excluded."Title", "Summary" = excluded."Summary", "Body" = excluded."Body", "Words" = excluded."Words"
        """;

    private sealed record Row(int ArticleId, float Rank, string Body, string Summary, string Title);

    private sealed record Pool(int[] Ids, int NewestBucket);

    public Task IndexAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default) =>
        WriteAsync([.. articles.Select(SearchDocument.Of)], cancellationToken);

    public async Task RemoveAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ArticleSearch" WHERE "ArticleId" = ANY(@ids)""",
            [new NpgsqlParameter<int[]>("ids", [.. articleIds])], cancellationToken);

    public async Task<SearchPage> SearchAsync(string query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.From(query);
        var tsQuery = TsQuery(terms);
        if (tsQuery.Length == 0 || page < 1 || pageSize < 1)
        {
            return new SearchPage([], 0);
        }
        var pool = await NewestMatchesAsync(tsQuery, cancellationToken);
        var skip = (long)(page - 1) * pageSize;
        if (skip >= pool.Length)
        {
            return new SearchPage([], pool.Length);
        }
        var rows = await db.Database.SqlQueryRaw<Row>(PageSql,
                new NpgsqlParameter<string>("query", tsQuery),
                new NpgsqlParameter<int[]>("ids", pool),
                new NpgsqlParameter<int>("take", pageSize),
                new NpgsqlParameter<int>("skip", (int)skip))
            .ToListAsync(cancellationToken);
        var hits = rows.Select(r => new SearchHit(r.ArticleId, -r.Rank, SearchSnippet.Of(terms, r.Title, r.Summary, r.Body)));
        return new SearchPage([.. hits], pool.Length);
    }

    // The newest buckets first, wider each time, until the pool is full or the whole index was searched.
    private async Task<int[]> NewestMatchesAsync(string tsQuery, CancellationToken cancellationToken)
    {
        for (var span = FirstSpan; ; span *= SpanGrowth)
        {
            var pool = await PoolAsync(PoolInSpanSql, span);
            if (pool.Ids.Length == SearchPage.RankedMatches || pool.NewestBucket < span)
            {
                return pool.Ids;
            }
            if (pool.NewestBucket < span * SpanGrowth)
            {
                return (await PoolAsync(PoolOfAllSql, null)).Ids;
            }
        }

        Task<Pool> PoolAsync(string sql, int? span) => db.Database.SqlQueryRaw<Pool>(sql,
            [
                new NpgsqlParameter<string>("query", tsQuery),
                new NpgsqlParameter<int>("draft", (int)ArticleStatus.Draft),
                new NpgsqlParameter<int>("inReview", (int)ArticleStatus.InReview),
                new NpgsqlParameter<int>("scheduled", (int)ArticleStatus.Scheduled),
                new NpgsqlParameter<int>("published", (int)ArticleStatus.Published),
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = time.GetUtcNow().UtcDateTime },
                new NpgsqlParameter<int>("pool", SearchPage.RankedMatches),
                .. span is { } buckets ? [new NpgsqlParameter<int>("span", buckets)] : Array.Empty<NpgsqlParameter>(),
            ]).SingleAsync(cancellationToken);
    }

    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "ArticleSearch";""", cancellationToken);
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
            await WriteAsync([.. batch.Select(a => SearchDocument.Of(a.Id, a.Title, a.Summary, a.BodyMarkdown))], cancellationToken);
            count += batch.Count;
            lastId = batch[^1].Id;
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>A database with articles and an empty index (articles copied in by hand): fill it once.</summary>
    internal async Task FillIfEmptyAsync(CancellationToken cancellationToken)
    {
        var empty = await db.Database
            .SqlQueryRaw<bool>("""SELECT EXISTS (SELECT 1 FROM "Articles") AND NOT EXISTS (SELECT 1 FROM "ArticleSearch") AS "Value" """)
            .SingleAsync(cancellationToken);
        if (empty)
        {
            await RebuildAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The words joined with <c>&amp;</c>, the last also as a prefix (<c>:*</c>, from two letters, as in SQLite). Each word is
    /// letters and digits only (<see cref="SearchTerms"/>), so nothing a reader types is tsquery syntax; the whole
    /// expression still travels as a parameter.
    /// </summary>
    internal static string TsQuery(IReadOnlyList<string> words)
    {
        var query = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            query.Append(i > 0 ? " & " : "").Append(words[i]);
            if (i == words.Count - 1 && words[i].Length >= 2)
            {
                query.Append(":*");
            }
        }
        return query.ToString();
    }

    // The words the vector is made of: the query's cut, so a URL or an e-mail address in a story is words to both stores.
    private static string WordsOf(string normalized) => string.Join(' ', SearchTerms.Words(normalized));

    // EF runs it on the context's connection, inside the caller's transaction when there is one (an editor's save, a rebuild).
    private async Task WriteAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }
        await db.Database.ExecuteSqlRawAsync(UpsertSql,
            [
                new NpgsqlParameter<int[]>("ids", [.. documents.Select(d => d.Id)]),
                Texts("titles", documents.Select(d => d.Title)),
                Texts("summaries", documents.Select(d => d.Summary)),
                Texts("bodies", documents.Select(d => d.Body)),
                Texts("titleWords", documents.Select(d => WordsOf(d.NormalizedTitle))),
                Texts("summaryWords", documents.Select(d => WordsOf(d.NormalizedSummary))),
                Texts("bodyWords", documents.Select(d => WordsOf(d.NormalizedBody))),
            ],
            cancellationToken);
    }

    private static NpgsqlParameter<string[]> Texts(string name, IEnumerable<string> values) =>
        new NpgsqlParameter<string[]>(name, [.. values]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
