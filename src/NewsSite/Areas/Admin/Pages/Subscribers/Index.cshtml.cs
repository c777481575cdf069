using System.Globalization;

namespace NewsSite.Areas.Admin.Pages.Subscribers;

/// <summary>The newsletter list: search by email, page through, export as CSV, delete one address.</summary>
public sealed class IndexModel(NewsDbContext db, SiteClock clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>No address is longer, so a longer search could never match.</summary>
    public const int MaxQueryLength = 254;

    public sealed record Row(int Id, string Email, DateTime CreatedAt, DateTime? ConfirmedAt);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Subscribers { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int TotalPages { get; private set; } = 1;

    public int TotalCount { get; private set; }

    /// <summary>The subscribers proper: only an address that confirmed counts (double opt-in).</summary>
    public int ConfirmedCount { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Paging.TryRead(Request, out var page))
        {
            return NotFound();
        }
        var matching = Matching();
        TotalCount = await matching.CountAsync(ct);
        ConfirmedCount = await matching.CountAsync(s => s.ConfirmedAt != null, ct);
        TotalPages = Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
        // Past the end (say, after deleting the last one there) shows the last page rather than nothing.
        PageNumber = Math.Min(page, TotalPages);
        Subscribers = await Newest(matching)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        // Addresses leaving the site are worth a line in the audit trail.
        db.Record(User, clock.UtcNow, "export", "Subscriber", details: Query is { Length: > 0 } q ? $"بحث: {q}" : null);
        await db.SaveChangesAsync(ct);
        var rows = Newest(Matching()).AsAsyncEnumerable().Select(r => (IReadOnlyList<string?>)
            [r.Email, Local(r.CreatedAt), r.ConfirmedAt is null ? "لا" : "نعم", r.ConfirmedAt is { } at ? Local(at) : ""]);
        return new CsvResult(
            $"subscribers-{Local(clock.UtcNow)[..10]}.csv",
            ["البريد الإلكتروني", "تاريخ الاشتراك", "مؤكد", "تاريخ التأكيد"],
            rows);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return NotFound();
        }
        db.Subscribers.Remove(subscriber);
        // The address itself stays out of the audit trail: deleting it is the point.
        db.Record(User, clock.UtcNow, "delete", "Subscriber", subscriber.Id);
        await db.SaveChangesAsync(ct);
        Notice = $"حُذف المشترك {subscriber.Email}.";
        // Back to the same search and page ("page" is built by hand: Razor Pages reserves it as a route value).
        return LocalRedirect(PagePath(Paging.TryRead(Request, out var page) ? page : 1));
    }

    /// <summary>This list at <paramref name="page"/>, keeping the search.</summary>
    public string PagePath(int page) => PathWith(("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    public string DeletePath(int id) =>
        PathWith(("handler", "Delete"), ("id", id.ToString(CultureInfo.InvariantCulture)),
            ("page", PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null));

    private string PathWith(params (string Name, string? Value)[] parameters) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/subscribers",
            parameters.Prepend((Name: "q", Value: Query))
                .Where(p => !string.IsNullOrEmpty(p.Value))
                .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    public string Stamp(DateTime utc) => clock.Stamp(utc);

    /// <summary>Addresses containing the search, which is trimmed, lower-cased like the stored addresses, and capped.</summary>
    private IQueryable<Subscriber> Matching()
    {
        var search = Query?.Trim().ToLowerInvariant() ?? "";
        if (search.Length > MaxQueryLength)
        {
            search = search[..MaxQueryLength];
        }
        Query = search.Length == 0 ? null : search;
        return search.Length == 0 ? db.Subscribers : db.Subscribers.Where(s => s.Email.Contains(search));
    }

    private static IQueryable<Row> Newest(IQueryable<Subscriber> subscribers) =>
        subscribers.AsNoTracking()
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new Row(s.Id, s.Email, s.CreatedAt, s.ConfirmedAt));

    // Spreadsheet-friendly local time in the site's zone.
    private string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
