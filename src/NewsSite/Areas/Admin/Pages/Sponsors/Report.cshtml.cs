using System.Globalization;

namespace NewsSite.Areas.Admin.Pages.Sponsors;

/// <summary>Impressions, clicks and click-through rate per sponsor and day over a range, on screen and as CSV.</summary>
public sealed class ReportModel(NewsDbContext db, SiteClock clock) : PageModel
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public sealed record DayRow(DateOnly Day, long Impressions, long Clicks);

    public sealed record SponsorRows(int Id, string Name, IReadOnlyList<DayRow> Days)
    {
        public long Impressions => Days.Sum(d => d.Impressions);
        public long Clicks => Days.Sum(d => d.Clicks);
    }

    public sealed record SponsorOption(int Id, string Name);

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "sponsor")]
    public int? SponsorId { get; set; }

    public IReadOnlyList<SponsorRows> Sponsors { get; private set; } = [];

    public IReadOnlyList<SponsorOption> Options { get; private set; } = [];

    public string? Error { get; private set; }

    public long TotalImpressions => Sponsors.Sum(s => s.Impressions);

    public long TotalClicks => Sponsors.Sum(s => s.Clicks);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var rows = Sponsors.SelectMany(s => s.Days
                .Select(d => Row(s.Name, Day(d.Day), d.Impressions, d.Clicks))
                .Append(Row(s.Name, "المجموع", s.Impressions, s.Clicks)))
            .Append(Row("جميع الرعاة", "المجموع", TotalImpressions, TotalClicks));
        return new CsvResult(
            $"sponsors-{Day(From!.Value)}-{Day(To!.Value)}.csv",
            ["الراعي", "اليوم", "مرات الظهور", "النقرات", "نسبة النقر"],
            rows.ToAsyncEnumerable());
    }

    /// <summary>Clicks per impression as a percentage with Western digits; a dash when the sponsor was never shown.</summary>
    public static string Ctr(long clicks, long impressions) =>
        impressions == 0 ? "—" : (100.0 * clicks / impressions).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string?[] Row(string sponsor, string day, long impressions, long clicks) =>
        [sponsor, day, impressions.ToString(CultureInfo.InvariantCulture), clicks.ToString(CultureInfo.InvariantCulture), Ctr(clicks, impressions)];

    /// <summary>Reads the range (default: the last 30 days up to today) and the rows in it; false when the range is refused.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Options = await db.Sponsors.AsNoTracking()
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SponsorOption(s.Id, s.Name))
            .ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.UtcNow);
        if (!ModelState.IsValid)
        {
            Error = "التاريخ غير صالح. اختر التاريخين من التقويم.";
        }
        To ??= today;
        From ??= To.Value.AddDays(1 - DefaultDays);
        if (Error is null && From > To)
        {
            Error = "يجب أن يكون تاريخ البداية قبل تاريخ النهاية أو في يومه.";
        }
        else if (Error is null && To.Value.DayNumber - From.Value.DayNumber + 1 > MaxDays)
        {
            Error = $"المدة أطول من {MaxDays} يومًا. اختر مدة أقصر.";
        }
        if (Error is not null)
        {
            return false;
        }

        var (from, to, sponsorId) = (From.Value, To.Value, SponsorId);
        var rows = await db.SponsorDailyStats.AsNoTracking()
            .Where(d => d.Day >= from && d.Day <= to && (sponsorId == null || d.SponsorId == sponsorId))
            .Join(db.Sponsors, d => d.SponsorId, s => s.Id, (d, s) => new { s.Id, s.Name, d.Day, d.Impressions, d.Clicks })
            .OrderBy(r => r.Name).ThenBy(r => r.Id).ThenBy(r => r.Day)
            .ToListAsync(ct);
        Sponsors = rows
            .GroupBy(r => (r.Id, r.Name))
            .Select(g => new SponsorRows(g.Key.Id, g.Key.Name, g.Select(r => new DayRow(r.Day, r.Impressions, r.Clicks)).ToList()))
            .ToList();
        return true;
    }
}
