namespace NewsSite.Areas.Admin.Pages.Sections;

// In menu order; a section that still has articles is kept until they move.
public sealed class IndexModel(NewsDbContext db, TimeProvider time) : TaxonomyIndexModel<Section>(db, time,
    db.Sections.OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => new TaxonomyRow
    {
        Id = s.Id, Name = s.Name, Slug = s.Slug, SortOrder = s.SortOrder, Articles = db.Articles.Count(a => a.SectionId == s.Id),
    }),
    row => $"لا يمكن حذف القسم «{row.Name}» لأن فيه مقالات (عددها {row.Articles}). انقلها إلى قسم آخر أولًا.");
