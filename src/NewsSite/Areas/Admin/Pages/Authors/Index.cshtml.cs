namespace NewsSite.Areas.Admin.Pages.Authors;

// A byline on published stories cannot vanish: an author with articles is kept.
public sealed class IndexModel(NewsDbContext db, TimeProvider time) : TaxonomyIndexModel<Author>(db, time,
    db.Authors.OrderBy(a => a.Name)
        .Select(a => new TaxonomyRow { Id = a.Id, Name = a.Name, Slug = a.Slug, Articles = db.Articles.Count(x => x.AuthorId == a.Id) }),
    row => $"لا يمكن حذف الكاتب «{row.Name}» لأن له مقالات (عددها {row.Articles}). انسبها إلى كاتب آخر أولًا.");
