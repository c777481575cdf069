using Microsoft.Extensions.Options;

namespace NewsSite.Pages.Authors;

public sealed class DetailsModel(NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options, ListingCounts counts)
    : ListingModel(db, clock, options, counts)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var author = await Db.Authors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Name, a.Bio }).FirstOrDefaultAsync(ct);
        return author is null
            ? NotFound()
            : await ListAsync(author.Name, author.Bio, $"/author/{Uri.EscapeDataString(slug)}", Db.Articles.Where(a => a.AuthorId == author.Id), ct);
    }
}
