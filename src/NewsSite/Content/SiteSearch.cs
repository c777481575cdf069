using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace NewsSite.Content;

/// <summary>
/// The full-text index over live stories: SQLite's FTS5 (Data/SqliteSearchIndex) or PostgreSQL's tsvector
/// (Data/PostgresSearchIndex); everything provider-neutral lives here.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Adds or replaces the words of these articles; a batch shares one statement and transaction.</summary>
    Task IndexAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default);

    Task RemoveAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken = default);

    /// <summary>One page of live articles matching <paramref name="query"/>, best first, newest among equals; of the newest <see cref="SearchPage.RankedMatches"/> matches only.</summary>
    Task<SearchPage> SearchAsync(string query, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Empties the index and fills it again from every article; returns how many were indexed.</summary>
    Task<int> RebuildAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// A match: the article, its relevance (lower is better, comparable within one search) and a fragment of its text
/// with the matched words between <see cref="SearchSnippet"/> markers.
/// </summary>
public sealed record SearchHit(int ArticleId, double Score, string Snippet);

/// <summary>One page of hits, and how many there are in all (at most <see cref="RankedMatches"/>).</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int Total)
{
    /// <summary>
    /// Only the newest this many matches are ranked and paged: a word found in most of a 100,000-story archive
    /// then costs what a rare one does, and a reader looking for news finds the recent stories about it.
    /// </summary>
    public const int RankedMatches = 1000;
}

/// <summary>What the index stores of an article: its words as plain, normalized text.</summary>
public sealed record SearchDocument(int Id, string Title, string Summary, string Body)
{
    // Plain text keeps the words of links and headings but none of the Markdown syntax or URLs.
    private static readonly MarkdownPipeline PlainText = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    public static SearchDocument Of(int id, string title, string summary, string bodyMarkdown) => new(
        id,
        ArabicNormalizer.Normalize(title),
        ArabicNormalizer.Normalize(summary),
        ArabicNormalizer.Normalize(Markdown.ToPlainText(bodyMarkdown, PlainText)));

    public static SearchDocument Of(Article article) => Of(article.Id, article.Title, article.Summary, article.BodyMarkdown);
}

/// <summary>What a reader typed, reduced to the words the index can match.</summary>
public static class SearchTerms
{
    public const int MaxQueryLength = 100;
    public const int MaxWords = 10;

    /// <summary>
    /// Normalized words of letters and digits only: quotes, stars, brackets and colons never reach the index's
    /// query language, and a long paste is cut to <see cref="MaxQueryLength"/> characters first.
    /// </summary>
    public static IReadOnlyList<string> From(string? query) => [.. Words(ArabicNormalizer.Normalize(Cap(query))).Take(MaxWords)];

    /// <summary>The runs of letters and digits in normalized text: how a query is cut into words, and the index too where the app builds it (PostgreSQL).</summary>
    public static IEnumerable<string> Words(string normalized)
    {
        var word = new StringBuilder();
        foreach (var c in normalized.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || char.IsNumber(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    /// <summary>The query as the page shows it back: trimmed, capped, and never half a surrogate pair.</summary>
    public static string Cap(string? query)
    {
        var text = (query ?? "").Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..(char.IsHighSurrogate(text[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength)];
        }
        return text;
    }
}

/// <summary>Turns an index snippet into HTML: every character encoded, only the markers become &lt;mark&gt;.</summary>
public static class SearchSnippet
{
    public const char Start = '\u0002';
    public const char End = '\u0003';

    // Arabic stays as characters, as on the rest of the page; <, >, &, quotes are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static HtmlString ToHtml(string snippet)
    {
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= snippet.Length; i++)
        {
            if (i < snippet.Length && snippet[i] is not (Start or End))
            {
                continue;
            }
            html.Append(Encoder.Encode(snippet[start..i]));
            // Only a balanced start/end pair becomes a tag, so no marker can leave a <mark> open.
            if (i < snippet.Length && (snippet[i] == Start) != open)
            {
                html.Append(open ? "</mark>" : "<mark>");
                open = !open;
            }
            start = i + 1;
        }
        if (open)
        {
            html.Append("</mark>");
        }
        return new HtmlString(html.ToString());
    }
}
