using System.Globalization;
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
    /// Only the newest this many matches are ranked and paged: a word found in most of a 100,000-story
    /// archive then costs what a rare one does, and a reader looking for news finds the recent stories about it; an
    /// older story is found by a narrower query. Ranking is most of a common word's cost (SQLite at 100,000 stories:
    /// ~1.2 ms for 1,000 matches, ~0.85 ms for 500), so the pool is what keeps search flat in the archive's size.
    /// </summary>
    public const int RankedMatches = 500;
}

/// <summary>
/// What the index stores of an article: its text as written, in plain text, which snippets show; and the same
/// normalized, which is what queries match.
/// </summary>
public sealed record SearchDocument(int Id, string Title, string Summary, string Body)
{
    // Plain text keeps the words of links and headings but none of the Markdown syntax or URLs.
    private static readonly MarkdownPipeline PlainText = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    public static SearchDocument Of(int id, string title, string summary, string bodyMarkdown) =>
        new(id, title, summary, Markdown.ToPlainText(bodyMarkdown, PlainText).Trim());

    public static SearchDocument Of(Article article) => Of(article.Id, article.Title, article.Summary, article.BodyMarkdown);

    public string NormalizedTitle => ArabicNormalizer.Normalize(Title);

    public string NormalizedSummary => ArabicNormalizer.Normalize(Summary);

    public string NormalizedBody => ArabicNormalizer.Normalize(Body);
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
    public static IEnumerable<string> Words(string normalized) => WordRanges(normalized).Select(range => normalized[range]);

    /// <summary>
    /// Where each word of <see cref="Words"/> is in the text; <paramref name="asWritten"/>: in text as written, where the
    /// tashkeel and tatweel inside a word belong to it.
    /// </summary>
    public static List<Range> WordRanges(string text, bool asWritten = false)
    {
        var ranges = new List<Range>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.IsNumber(text[i]) || (asWritten && IsMark(text[i])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                ranges.Add(start..i);
                start = -1;
            }
        }
        return ranges;
    }

    /// <summary>What normalization drops from inside a word: tashkeel, tatweel and other combining marks.</summary>
    public static bool IsMark(char c) =>
        Slug.IsTashkeelOrTatweel(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

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

/// <summary>
/// A hit's snippet: the words around its match, with the markers around each matched word; and its HTML, where
/// every character is encoded and only the markers become &lt;mark&gt;.
/// </summary>
public static class SearchSnippet
{
    public const char Start = '\u0002';
    public const char End = '\u0003';

    /// <summary>How many words a snippet shows.</summary>
    public const int Length = 16;

    // Words shown before the first match, so it is read in context.
    private const int Lead = 3;

    /// <summary>
    /// The <see cref="Length"/> words of the body that hold the most of the query's words (else of the summary, else the
    /// title), "…" where the text was cut. Cut here from the text as written — a reader sees «هيئة», never the index's
    /// folded «هييه» — and the same for both stores: FTS5's snippet() ran every column of every hit through its Unicode
    /// tokenizer again (three quarters of an uncached search's time), and PostgreSQL's ts_headline parsed each column
    /// likewise. Words match as the index matches them: folded as <see cref="ArabicNormalizer"/> folds, whole, the last
    /// query word also as a prefix (from two letters), Latin accents aside.
    /// </summary>
    public static string Of(IReadOnlyList<string> terms, string title, string summary, string body)
    {
        var folded = terms.Select(WithoutAccents).ToArray();
        foreach (var text in (ReadOnlySpan<string>)[body, summary, title])
        {
            var words = SearchTerms.WordRanges(text, asWritten: true);
            var matches = words.Select(word => MatchedTerm(folded, text.AsSpan(word))).ToArray();
            if (Array.Exists(matches, m => m >= 0))
            {
                return Fragment(text, words, matches, BestStart(matches, folded.Length));
            }
        }
        var plain = body.Length > 0 ? body : summary.Length > 0 ? summary : title;
        var plainWords = SearchTerms.WordRanges(plain, asWritten: true);
        return Fragment(plain, plainWords, Enumerable.Repeat(-1, plainWords.Count).ToArray(), 0);
    }

    // The query word this written word matches (its index), or -1: compared character by character as the normalizer
    // folds them, marks skipped, so no word is copied (a word with Latin accents is the rare exception).
    private static int MatchedTerm(string[] terms, ReadOnlySpan<char> word)
    {
        if (HasLatinAccents(word))
        {
            word = WithoutAccents(ArabicNormalizer.Normalize(word.ToString()));
        }
        for (var t = 0; t < terms.Length; t++)
        {
            if (FoldedMatch(word, terms[t], prefix: t == terms.Length - 1 && terms[t].Length >= 2))
            {
                return t;
            }
        }
        return -1;
    }

    private static bool FoldedMatch(ReadOnlySpan<char> word, string term, bool prefix)
    {
        var t = 0;
        foreach (var c in word)
        {
            if (SearchTerms.IsMark(c))
            {
                continue;
            }
            if (t == term.Length)
            {
                return prefix;
            }
            if (ArabicNormalizer.Fold(c) != term[t])
            {
                return false;
            }
            t++;
        }
        return t == term.Length;
    }

    // The window start with the most distinct query words, then the most matches, the earliest among equals;
    // each candidate puts a match a few words in.
    private static int BestStart(int[] matches, int termCount)
    {
        var (best, bestDistinct, bestTotal) = (0, -1, -1);
        for (var i = 0; i < matches.Length; i++)
        {
            if (matches[i] < 0)
            {
                continue;
            }
            var start = Math.Max(0, Math.Min(i - Lead, matches.Length - Length));
            var seen = new bool[termCount];
            var total = 0;
            for (var w = start; w < Math.Min(start + Length, matches.Length); w++)
            {
                if (matches[w] >= 0)
                {
                    seen[matches[w]] = true;
                    total++;
                }
            }
            var distinct = seen.Count(s => s);
            if (distinct > bestDistinct || (distinct == bestDistinct && total > bestTotal))
            {
                (best, bestDistinct, bestTotal) = (start, distinct, total);
            }
        }
        return best;
    }

    private static string Fragment(string text, List<Range> words, int[] matches, int start)
    {
        if (words.Count == 0)
        {
            return text;
        }
        var end = Math.Min(start + Length, words.Count);
        var fragment = new StringBuilder(text.Length / 4);
        if (start > 0)
        {
            fragment.Append('…');
        }
        var from = words[start].Start.Value;
        for (var w = start; w < end; w++)
        {
            var (wordStart, wordEnd) = (words[w].Start.Value, words[w].End.Value);
            AppendBetween(fragment, text.AsSpan(from, wordStart - from));
            if (matches[w] >= 0)
            {
                fragment.Append(Start).Append(text, wordStart, wordEnd - wordStart).Append(End);
            }
            else
            {
                fragment.Append(text, wordStart, wordEnd - wordStart);
            }
            from = wordEnd;
        }
        // Up to the next word: a closing mark or full stop stays with the last word.
        var to = end < words.Count ? words[end].Start.Value : text.Length;
        AppendBetween(fragment, text.AsSpan(from, to - from).TrimEnd());
        if (end < words.Count)
        {
            fragment.Append('…');
        }
        return fragment.ToString();
    }

    // What lies between two words, its line breaks and runs of spaces one space: a snippet is one line of text.
    private static void AppendBetween(StringBuilder fragment, ReadOnlySpan<char> between)
    {
        var space = false;
        foreach (var c in between)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                fragment.Append(' ');
                space = false;
            }
            fragment.Append(c);
        }
        if (space)
        {
            fragment.Append(' ');
        }
    }

    private static bool HasLatinAccents(ReadOnlySpan<char> word) =>
        word.ContainsAnyInRange('\u00C0', '\u024F') || word.ContainsAnyInRange('\u1E00', '\u1EFF');

    // FTS5 folds Latin accents (é matches e); Arabic and plain ASCII words pass through untouched.
    private static string WithoutAccents(string word)
    {
        if (!HasLatinAccents(word))
        {
            return word;
        }
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

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
