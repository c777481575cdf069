using Microsoft.Extensions.Options;

namespace NewsSite.Pages.Sections;

public sealed class DetailsModel(NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options, ListingCounts counts)
    : ListingModel(db, clock, options, counts)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var section = await Db.Sections.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
        return section is null
            ? NotFound()
            : await ListAsync(section.Name, null, $"/section/{Uri.EscapeDataString(slug)}", Db.Articles.Where(a => a.SectionId == section.Id), ct);
    }
}
