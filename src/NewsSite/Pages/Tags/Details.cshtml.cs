using Microsoft.Extensions.Options;

namespace NewsSite.Pages.Tags;

public sealed class DetailsModel(NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options, ListingCounts counts)
    : ListingModel(db, clock, options, counts)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var tag = await Db.Tags.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
        return tag is null
            ? NotFound()
            : await ListAsync($"وسم: {tag.Name}", null, $"/tag/{Uri.EscapeDataString(slug)}", Db.Tags.Where(t => t.Id == tag.Id).SelectMany(t => t.Articles), ct);
    }
}
