namespace NewsSite.Areas.Admin.Pages.Tags;

// A tag is only a label: deleting it takes it off its articles (the join rows cascade), so nothing refuses.
public sealed class IndexModel(NewsDbContext db, TimeProvider time)
    : TaxonomyIndexModel<Tag>(db, time, db.Tags.OrderBy(t => t.Name).Select(t => new TaxonomyRow { Id = t.Id, Name = t.Name, Slug = t.Slug, Articles = t.Articles.Count }), refuseDelete: null);
