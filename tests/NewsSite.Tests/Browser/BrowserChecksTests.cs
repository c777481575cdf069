using Xunit.Abstractions;

namespace NewsSite.Tests.Browser;

/// <summary>
/// The pages in headless Chromium: accessible to axe-core and from the keyboard, valid to the Nu Html Checker, and no
/// script of an attacker's runs or even tries to (no dialog, no Content-Security-Policy refusal). One report, read page by page.
/// </summary>
public sealed class BrowserChecksTests(BrowserChecks checks, ITestOutputHelper output) : IClassFixture<BrowserChecks>
{
    [Fact]
    public void Every_page_was_checked_in_chromium()
    {
        output.WriteLine(checks.Log);
        Assert.True(checks.Problem is null, checks.Problem);

        Assert.Equal(BrowserChecks.Pages, checks.Report!.Pages.Select(p => p.Name));
        output.WriteLine($"Chromium {checks.Report.Chromium}, axe-core {checks.Report.Axe}, vnu {checks.Report.Vnu}: {checks.Report.Ms} ms");
    }

    [Theory]
    [MemberData(nameof(BrowserChecks.AllPages), MemberType = typeof(BrowserChecks))]
    public void Axe_finds_no_violations(string page)
    {
        var report = checks.Page(page);

        Assert.NotNull(report.Axe);
        Assert.True(report.Axe.Count == 0, $"axe-core on {page} ({report.Path}):\n" + string.Join("\n", report.Axe.Select(v =>
            $"- {v.Id} ({v.Impact}, {v.Count} elements): {v.Help}\n"
            + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}\n      {n.Summary.ReplaceLineEndings(" ")}")))));
    }

    [Theory]
    [MemberData(nameof(BrowserChecks.AllPages), MemberType = typeof(BrowserChecks))]
    public void The_first_tab_shows_a_skip_link_with_a_focus_outline(string page)
    {
        var report = checks.Page(page);

        var tab = report.Keyboard!;
        Assert.True(tab.SkipsTo == "#main", $"{page} ({report.Path}): the first Tab focuses {tab.Element}, not a link to #main");
        Assert.True(tab.InView, $"{page} ({report.Path}): the focused skip link is not inside the viewport");
        Assert.True(tab.Outline is not null, $"{page} ({report.Path}): the focused skip link draws no focus outline");
    }

    [Theory]
    [MemberData(nameof(BrowserChecks.PublicPages), MemberType = typeof(BrowserChecks))]
    public void Nu_html_checker_finds_no_errors(string page)
    {
        var report = checks.Page(page);

        Assert.NotNull(report.Vnu);
        Assert.True(report.Vnu.Errors.Count == 0, $"Nu Html Checker on {page} ({report.Path}):\n" + string.Join("\n", report.Vnu.Errors.Select(e =>
            $"- line {e.Line}, column {e.Column}: {e.Message}\n    {e.Extract.ReplaceLineEndings(" ")}")));
    }

    [Theory]
    [MemberData(nameof(BrowserChecks.AllPages), MemberType = typeof(BrowserChecks))]
    public void No_script_runs_or_is_refused(string page)
    {
        var report = checks.Page(page);

        Assert.True(report.Dialogs.Count == 0, $"{page} ({report.Path}) opened a dialog: {string.Join(" | ", report.Dialogs)}");
        Assert.True(report.Csp.Count == 0, $"{page} ({report.Path}): the Content-Security-Policy refused something, so the page carried it:\n"
            + string.Join("\n", report.Csp));
        Assert.True(report.Errors.Count == 0, $"{page} ({report.Path}): script errors: {string.Join(" | ", report.Errors)}");
    }
}
