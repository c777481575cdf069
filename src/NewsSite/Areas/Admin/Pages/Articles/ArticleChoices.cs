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
