using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsSite.Content;
using NewsSite.Data;

namespace NewsSite.Pages;

/// <summary>Title and summary search; Arabic-aware full-text search replaces the matching later.</summary>
public sealed class SearchModel(NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options)
    : ListingModel(db, clock, options)
{
    public const int MaxQueryLength = 100;

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        var query = (q ?? "").Trim();
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }
        SearchQuery = query;
        var heading = query.Length == 0 ? "البحث" : $"نتائج البحث عن «{query}»";
        return await ListAsync(heading, null, $"/search?q={Uri.EscapeDataString(query)}",
            Db.Articles.Where(a => query.Length > 0 && (a.Title.Contains(query) || a.Summary.Contains(query))), ct);
    }
}
