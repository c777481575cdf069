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

    // One round trip a try: the newest SearchPage.RankedMatches live matches in the span (by id: the newer story has the
    // higher), how many, and the newest bucket, which tells whether the span covered them all; when the pool is full
    // or complete, the page of it best first (the newer, higher id, among equals; the page orders equal scores by
    // publish time) with those rows' text for their snippets. A pool that falls short is not ranked: the next try
    // finds it again. The query is MATERIALIZED so the planner does not see the words: with a common word's count in
    // view it reads the whole table rather than the index, as it costs the vectors stored out of line at nothing
    // (measured 300 ms); and it is parsed once, not once per ranked row. Ordering by "ArticleId" + 0 keeps the planner
    // off the primary key, which it would walk backwards reading the vector of every story it passes. The pool keeps
    // each match's vector as found, so ranking does not look the rows up again. What is not live is the few drafts
    // and future stories, read from the Articles status index once and excluded, as on SQLite: joining every match
    // to Articles cost an index lookup per match.
    private static string SearchSql(string span, string complete) => $"""
        WITH query AS MATERIALIZED (SELECT to_tsquery('simple', @query) AS q),
        newest AS MATERIALIZED (SELECT coalesce(max("ArticleId"), 0) / {IdsPerBucket} AS bucket FROM "ArticleSearch"),
        pool AS MATERIALIZED (
            SELECT s."ArticleId", s."Words"
            FROM "ArticleSearch" s CROSS JOIN query
            WHERE s."Words" @@ query.q {span}
              AND s."ArticleId" NOT IN (SELECT a."Id" FROM "Articles" a
                                        WHERE a."Status" IN (@draft, @inReview, @scheduled) OR (a."Status" = @published AND a."PublishedAt" > @now))
            ORDER BY s."ArticleId" + 0 DESC
            LIMIT @pool),
        found AS MATERIALIZED (SELECT count(*) AS total, (SELECT bucket FROM newest) AS newest_bucket FROM pool),
        page AS (
            SELECT p."ArticleId", ts_rank({Weights}, p."Words", query.q) AS "Rank"
            FROM pool p CROSS JOIN query CROSS JOIN found
            WHERE found.total = @pool OR {complete}
            ORDER BY "Rank" DESC, p."ArticleId" DESC
            LIMIT @take OFFSET @skip)
        SELECT found.total AS "Total", found.newest_bucket AS "NewestBucket",
               page."ArticleId", page."Rank", s."Body", s."Summary", s."Title"
        FROM found LEFT JOIN page ON true LEFT JOIN "ArticleSearch" s ON s."ArticleId" = page."ArticleId"
        ORDER BY page."Rank" DESC, page."ArticleId" DESC
        """;

    private static readonly string SearchInSpanSql = SearchSql(
        span: $"""AND s."ArticleId" / {IdsPerBucket} > (SELECT bucket FROM newest) - @span""", complete: "found.newest_bucket < @span");

    private static readonly string SearchAllSql = SearchSql(span: "", complete: "true");

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

    // A try's pool and newest bucket on every row; a page's hits, or one row without a hit.
    private sealed record Row(long Total, int NewestBucket, int? ArticleId, float? Rank, string? Body, string? Summary, string? Title);

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
        // A page past the pool has no hits (the page then answers 404), however far past.
        var skip = (int)Math.Min((long)(page - 1) * pageSize, SearchPage.RankedMatches);
        var rows = await RowsAsync(tsQuery, skip, pageSize, cancellationToken);
        var hits = rows.Where(r => r.ArticleId is not null)
            .Select(r => new SearchHit(r.ArticleId!.Value, -r.Rank!.Value, SearchSnippet.Of(terms, r.Title!, r.Summary!, r.Body!)));
        return new SearchPage([.. hits], (int)rows[0].Total);
    }

    // The newest buckets first, wider each time, until the pool is full or the whole index was searched.
    private async Task<List<Row>> RowsAsync(string tsQuery, int skip, int take, CancellationToken cancellationToken)
    {
        for (var span = FirstSpan; ; span *= SpanGrowth)
        {
            var rows = await TryAsync(SearchInSpanSql, span);
            if (rows[0].Total == SearchPage.RankedMatches || rows[0].NewestBucket < span)
            {
                return rows;
            }
            if (rows[0].NewestBucket < span * SpanGrowth)
            {
                return await TryAsync(SearchAllSql, null);
            }
        }

        Task<List<Row>> TryAsync(string sql, int? span) => db.Database.SqlQueryRaw<Row>(sql,
            [
                new NpgsqlParameter<string>("query", tsQuery),
                new NpgsqlParameter<int>("draft", (int)ArticleStatus.Draft),
                new NpgsqlParameter<int>("inReview", (int)ArticleStatus.InReview),
                new NpgsqlParameter<int>("scheduled", (int)ArticleStatus.Scheduled),
                new NpgsqlParameter<int>("published", (int)ArticleStatus.Published),
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = time.GetUtcNow().UtcDateTime },
                new NpgsqlParameter<int>("pool", SearchPage.RankedMatches),
                new NpgsqlParameter<int>("take", take),
                new NpgsqlParameter<int>("skip", skip),
                .. span is { } buckets ? [new NpgsqlParameter<int>("span", buckets)] : Array.Empty<NpgsqlParameter>(),
            ]).ToListAsync(cancellationToken);
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
