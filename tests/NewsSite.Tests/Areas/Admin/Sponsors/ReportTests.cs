using System.Net;
using System.Text;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Sponsors;

public sealed class ReportTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_report_shows_impressions_clicks_and_ctr_per_day_with_totals_for_the_last_30_days()
    {
        var sponsor = Build.Sponsor("راعي التقرير " + Build.Unique());
        await factory.SaveAsync(sponsor);
        await factory.SaveAsync(
            Stats(sponsor.Id, Today.AddDays(-40), 5_000, 500), // before the default range
            Stats(sponsor.Id, Today.AddDays(-29), 1_200, 30),
            Stats(sponsor.Id, Today.AddDays(-3), 0, 0),
            Stats(sponsor.Id, Today, 300, 1));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (response, page) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/sponsors/report?sponsor={sponsor.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = page.QuerySelector($"#sponsor-{sponsor.Id}")!.ParentElement!;
        var rows = section.QuerySelectorAll("tbody tr").Select(Cells).ToList();
        Assert.Equal(
        [
            [Day(-29), "1,200", "30", "2.50%"],
            [Day(-3), "0", "0", "—"],
            [Day(0), "300", "1", "0.33%"],
        ], rows);
        Assert.Equal(["المجموع", "1,500", "31", "2.07%"], Cells(section.QuerySelector("tfoot tr")!));
        Assert.Equal(["1,500", "31", "2.07%"], page.QuerySelectorAll(".report-totals strong").Select(s => s.TextContent));
    }

    [Fact]
    public async Task The_csv_has_a_bom_rfc_4180_quoting_the_same_figures_and_no_formulas()
    {
        const string Hostile = "=HYPERLINK(\"https://evil.example\",\"اضغط\"), شركة";
        var sponsor = Build.Sponsor(Hostile);
        await factory.SaveAsync(sponsor);
        await factory.SaveAsync(Stats(sponsor.Id, Today.AddDays(-1), 400, 10), Stats(sponsor.Id, Today, 0, 2));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var response = await admin.GetAsync(new Uri($"/admin/sponsors/report?handler=csv&sponsor={sponsor.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"اضغط\"\"), شركة\"", Encoding.UTF8.GetString(bytes));
        var rows = CsvText.Parse(bytes);
        Assert.Equal(
        [
            ["الراعي", "اليوم", "مرات الظهور", "النقرات", "نسبة النقر"],
            ["'" + Hostile, Day(-1), "400", "10", "2.50%"],
            ["'" + Hostile, Day(0), "0", "2", "—"],
            ["'" + Hostile, "المجموع", "400", "12", "3.00%"],
            ["جميع الرعاة", "المجموع", "400", "12", "3.00%"],
        ], rows);
    }

    [Theory]
    [InlineData("from=2026-03-10&to=2026-03-01", "يجب أن يكون تاريخ البداية قبل تاريخ النهاية")]
    [InlineData("from=2024-01-01&to=2026-01-01", "المدة أطول من 366 يومًا")]
    [InlineData("from=not-a-date", "التاريخ غير صالح")]
    public async Task A_range_that_makes_no_sense_is_refused_in_arabic(string query, string message)
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (response, page) = await NewsSiteFactory.GetPageAsync(admin, "/admin/sponsors/report?" + query);
        var csv = await admin.GetAsync(new Uri("/admin/sponsors/report?handler=csv&" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    private static SponsorDailyStats Stats(int sponsorId, DateOnly day, long impressions, long clicks) =>
        new() { SponsorId = sponsorId, Day = day, Impressions = impressions, Clicks = clicks };

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();
}
