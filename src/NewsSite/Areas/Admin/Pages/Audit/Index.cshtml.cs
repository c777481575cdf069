using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace NewsSite.Areas.Admin.Pages.Audit;

/// <summary>Who did what, newest first: filters by person, verb, subject and dates in the site's time zone; paged.</summary>
public sealed class IndexModel(NewsDbContext db, SiteClock clock) : PageModel
{
    public const int PageSize = 30;

    public sealed record Entry(DateTime At, string UserName, string Action, string Subject, string? SubjectId, string? Details);

    public sealed record Choice(string Value, string Label);

    // Query names avoid "action" and "page", which routing reserves.
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "verb")]
    public string? Verb { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? SubjectId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public IReadOnlyList<Choice> Users { get; private set; } = [];
    public IReadOnlyList<Choice> Verbs { get; private set; } = [];
    public IReadOnlyList<Choice> Subjects { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public int TotalPages { get; private set; } = 1;
    public int TotalCount { get; private set; }

    public string Stamp(DateTime utc) => clock.Stamp(utc);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Paging.TryRead(Request, out var page))
        {
            return NotFound();
        }
        var from = ReadDate(From, "From", "تاريخ البداية");
        var to = ReadDate(To, "To", "تاريخ النهاية");
        if (from is not null && to is not null && from > to)
        {
            ModelState.AddModelError("To", "تاريخ النهاية قبل تاريخ البداية.");
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(UserId))
        {
            entries = entries.Where(e => e.UserId == UserId);
        }
        if (!string.IsNullOrEmpty(Verb))
        {
            entries = entries.Where(e => e.Action == Verb);
        }
        if (!string.IsNullOrEmpty(Subject))
        {
            entries = entries.Where(e => e.Subject == Subject);
        }
        if (!string.IsNullOrEmpty(SubjectId))
        {
            entries = entries.Where(e => e.SubjectId == SubjectId);
        }
        // Whole days in the site's zone: from its first moment to the first moment of the day after "to".
        if (from is { } first && ModelState.IsValid)
        {
            var start = clock.ToUtc(first.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.At >= start);
        }
        if (to is { } last && ModelState.IsValid)
        {
            var end = clock.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.At < end);
        }

        TotalCount = await entries.CountAsync(ct);
        TotalPages = Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
        if (page > TotalPages)
        {
            return NotFound();
        }
        CurrentPage = page;
        Entries = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new Entry(e.At, e.UserName, e.Action, e.Subject, e.SubjectId, e.Details))
            .ToListAsync(ct);

        Users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Choice(u.Id, u.DisplayName + " (" + u.Email + ")"))
            .ToListAsync(ct);
        Verbs = (await db.AuditEntries.Select(e => e.Action).Distinct().ToListAsync(ct))
            .Select(v => new Choice(v, AuditActions.ArabicName(v))).OrderBy(o => o.Label, StringComparer.Ordinal).ToList();
        Subjects = (await db.AuditEntries.Select(e => e.Subject).Distinct().ToListAsync(ct))
            .Select(s => new Choice(s, AuditSubjects.ArabicName(s))).OrderBy(o => o.Label, StringComparer.Ordinal).ToList();
        return Page();
    }

    /// <summary>"#42" for short ids; long ones (staff ids are GUIDs) cut to 8 characters, the whole id in the title.</summary>
    public static string ShortId(string? id) =>
        string.IsNullOrEmpty(id) ? "" : "#" + (id.Length > 12 ? id[..8] + "…" : id);

    /// <summary>This list's address with the same filters, on <paramref name="page"/>.</summary>
    public string PageUrl(int page)
    {
        var query = new QueryBuilder();
        foreach (var (name, value) in new[] { ("user", UserId), ("verb", Verb), ("subject", Subject), ("subjectId", SubjectId), ("from", From), ("to", To) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name, value);
            }
        }
        if (page > 1)
        {
            query.Add("page", page.ToString(CultureInfo.InvariantCulture));
        }
        return "/admin/audit" + query.ToQueryString();
    }

    private DateOnly? ReadDate(string? value, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        ModelState.AddModelError(key, $"{label}: اكتب التاريخ بالشكل 2026-01-31.");
        return null;
    }
}
