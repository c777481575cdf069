using Microsoft.Extensions.Options;

namespace NewsSite.Pages.Components;

/// <summary>The main navigation: one link per section, in the editors' order.</summary>
public sealed class SectionNavViewComponent(SectionNavViewComponent.Sections sections) : ViewComponent
{
    public sealed record SectionLink(int Id, string Name, string Slug);

    /// <summary>The sections, held in memory: every page shows them and they change rarely.</summary>
    public sealed class Sections(IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsOptions> options)
        : HeldQuery<IReadOnlyList<SectionLink>>(scopes, time, options)
    {
        public override string PurgedWith => PageCache.Public;

        protected override async Task<IReadOnlyList<SectionLink>> LoadAsync(NewsDbContext db, DateTime utcNow, CancellationToken cancellationToken) =>
            await db.Sections.AsNoTracking()
                .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
                .Select(s => new SectionLink(s.Id, s.Name, s.Slug))
                .ToListAsync(cancellationToken);
    }

    public async Task<IViewComponentResult> InvokeAsync() => View(await sections.GetAsync(HttpContext.RequestAborted));
}
