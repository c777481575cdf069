using Microsoft.Extensions.Options;

namespace NewsSite.Areas.Admin.Pages.Articles;

/// <summary>The newsroom's article list: every state, newest edit first, filtered by state, section, author and title.</summary>
public sealed class IndexModel(NewsDbContext db, SiteClock clock, IOptions<NewsOptions> options) : PageModel
{
    /// <summary>Longer searches are cut: a title is at most 300 characters, and a query string is no place for essays.</summary>
    public const int MaxQueryLength = 100;

    public sealed record Row(
        int Id, string Title, string Slug, ArticleStatus Status, bool IsUrgent,
        string SectionName, string AuthorName, DateTime UpdatedAt, DateTime? PublishedAt);

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Section { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Author { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public ArticleStatus? StatusFilter { get; private set; }

    public ArticleChoices Choices { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int TotalPages { get; private set; } = 1;

    public int TotalCount { get; private set; }

    public bool IsFiltered => StatusFilter is not null || Section is not null || Author is not null || Q is not null;

    public bool IsLive(Row row) => row.Status == ArticleStatus.Published && row.PublishedAt <= clock.UtcNow;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Paging.TryRead(Request, out var page))
        {
            return NotFound();
        }
        // Only the state names count: "1" or "Draft,Published" would parse as enum values but mean nothing here.
        StatusFilter = Enum.GetValues<ArticleStatus>()
            .Select(s => (ArticleStatus?)s)
            .FirstOrDefault(s => string.Equals(s.ToString(), Status, StringComparison.OrdinalIgnoreCase));
        Q = Q?.Trim() is { Length: > 0 } q ? q[..Math.Min(q.Length, MaxQueryLength)] : null;

        var articles = db.Articles.AsNoTracking();
        if (StatusFilter is { } status)
        {
            articles = articles.Where(a => a.Status == status);
        }
        if (Section is { } sectionId)
        {
            articles = articles.Where(a => a.SectionId == sectionId);
        }
        if (Author is { } authorId)
        {
            articles = articles.Where(a => a.AuthorId == authorId);
        }
        if (Q is { } title)
        {
            // Contains becomes instr() in SQLite: a % or _ typed in the box is searched for as itself.
            articles = articles.Where(a => a.Title.Contains(title));
        }

        var pageSize = options.Value.PageSize;
        TotalCount = await articles.CountAsync(ct);
        TotalPages = Math.Max(1, (int)Math.Ceiling(TotalCount / (double)pageSize));
        if (page > TotalPages)
        {
            return NotFound();
        }
        PageNumber = page;
        Rows = await articles
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new Row(
                a.Id, a.Title, a.Slug, a.Status, a.IsUrgent,
                a.Section.Name, a.Author.Name, a.UpdatedAt, a.PublishedAt))
            .ToListAsync(ct);
        Choices = await ArticleChoices.LoadAsync(db, ct);
        return Page();
    }

    /// <summary>"3 مقالات", "11 مقالًا": the noun after an Arabic number follows its last two digits.</summary>
    public static string CountText(int count) => (count, count % 100) switch
    {
        (0, _) => "لا مقالات",
        (1, _) => "مقال واحد",
        (2, _) => "مقالان",
        (_, >= 3 and <= 10) => $"{count} مقالات",
        (_, >= 11) => $"{count} مقالًا",
        _ => $"{count} مقال",
    };

    /// <summary>This list's address at <paramref name="page"/>, keeping the filters.</summary>
    public string PageUrl(int page)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = StatusFilter?.ToString(),
            ["section"] = Section?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["author"] = Author?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["q"] = Q,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p.Value is not null));
        return "/admin/articles" + query;
    }
}
