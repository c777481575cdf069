namespace NewsSite.Pages.Components;

/// <summary>The main navigation: one link per section, in the editors' order.</summary>
public sealed class SectionNavViewComponent(NewsDbContext db) : ViewComponent
{
    public sealed record SectionLink(string Name, string Slug);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var sections = await db.Sections.AsNoTracking()
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SectionLink(s.Name, s.Slug))
            .ToListAsync(HttpContext.RequestAborted);
        return View(sections);
    }
}
