using Microsoft.EntityFrameworkCore;
using NewsSite.Data;
using NewsSite.Domain;

namespace NewsSite.Areas.Admin.Pages.Articles;

/// <summary>What the article list and the editor both offer: the sections and authors to pick from.</summary>
public sealed record ArticleChoices(IReadOnlyList<ArticleChoices.Choice> Sections, IReadOnlyList<ArticleChoices.Choice> Authors)
{
    public sealed record Choice(int Id, string Name);

    public static async Task<ArticleChoices> LoadAsync(NewsDbContext db, CancellationToken ct) => new(
        await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct),
        await db.Authors.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct));
}

/// <summary>How the newsroom names an article's state, in the words of the list and the editor.</summary>
public static class ArticleStatusNames
{
    public static string Arabic(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "مسودة",
        ArticleStatus.InReview => "بانتظار المراجعة",
        ArticleStatus.Scheduled => "مجدول",
        ArticleStatus.Published => "منشور",
        _ => status.ToString(),
    };

    /// <summary>A CSS class per state, for the coloured label.</summary>
    public static string CssClass(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "status status-review",
        ArticleStatus.Scheduled => "status status-scheduled",
        ArticleStatus.Published => "status status-published",
        _ => "status status-draft",
    };
}
