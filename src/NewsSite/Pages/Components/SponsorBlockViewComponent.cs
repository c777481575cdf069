namespace NewsSite.Pages.Components;

/// <summary>
/// The sponsors of one placement that are active now, by priority; nothing at all when there are none.
/// Impressions are counted by <see cref="ReaderCounts"/> from the same list, so cached pages count too;
/// links go through /go/{id}, which counts the click.
/// </summary>
public sealed class SponsorBlockViewComponent(ActiveSponsors active) : ViewComponent
{
    public sealed record SponsorLink(int Id, string Name, string LogoPath)
    {
        public string Url => SponsorLinks.ClickPath(Id);
    }

    public sealed record Block(SponsorPlacement Placement, IReadOnlyList<SponsorLink> Sponsors)
    {
        public string Heading => Placement == SponsorPlacement.Header ? "هذا الموقع برعاية" : "برعاية";
    }

    public async Task<IViewComponentResult> InvokeAsync(SponsorPlacement placement)
    {
        var sponsors = (await active.GetAsync(HttpContext.RequestAborted))
            .Where(s => s.Placement == placement)
            .Select(s => new SponsorLink(s.Id, s.Name, s.LogoPath))
            .ToList();
        return sponsors.Count == 0 ? Content("") : View(new Block(placement, sponsors));
    }
}
