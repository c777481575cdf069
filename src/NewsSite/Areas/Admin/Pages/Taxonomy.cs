using System.ComponentModel.DataAnnotations;

namespace NewsSite.Areas.Admin.Pages;

// Sections, tags and authors are one thing to the newsroom: a name, a unique URL slug, a few articles
// filed under it, and at most one field of their own. The list and the form are written once, here.

/// <summary>
/// The section, tag and author form. Its properties are named after the entities' own, so EF reads and
/// writes them by name; a field the entity lacks (a tag's order) is left out of its form and ignored.
/// </summary>
public sealed class TaxonomyInput
{
    [Required(ErrorMessage = "اكتب الاسم.")]
    [StringLength(100, ErrorMessage = "الاسم أطول من 100 حرف.")]
    [Display(Name = "الاسم")]
    public string Name { get; set; } = "";

    /// <summary>Empty: made from the name.</summary>
    [StringLength(Domain.Slug.MaxLength, ErrorMessage = "المعرّف أطول من 80 حرفًا.")]
    [Display(Name = "المعرّف في الرابط")]
    public string? Slug { get; set; }

    [Range(0, 10_000, ErrorMessage = "الترتيب رقم من 0 إلى 10000.")]
    [Display(Name = "الترتيب في قائمة الأقسام")]
    public int? SortOrder { get; set; }

    [StringLength(2000, ErrorMessage = "النبذة أطول من 2000 حرف.")]
    [Display(Name = "نبذة عن الكاتب")]
    public string? Bio { get; set; }
}

public sealed record TaxonomyRow
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public required int Articles { get; init; }

    /// <summary>Only sections have an order.</summary>
    public int? SortOrder { get; init; }
}

public sealed record TaxonomyList(IReadOnlyList<TaxonomyRow> Rows, string? Notice, string? Error);

/// <summary>
/// The list of one kind with each item's article count, and its delete. <paramref name="refuseDelete"/>
/// says why an item that still has articles stays; without it (tags) such an item is taken off them.
/// </summary>
public abstract class TaxonomyIndexModel<T>(
    NewsDbContext db, TimeProvider time, IQueryable<TaxonomyRow> rows, Func<TaxonomyRow, string>? refuseDelete)
    : PageModel where T : class
{
    public TaxonomyList List { get; private set; } = new([], null, null);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ShowAsync(null, ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var item = await db.Set<T>().FindAsync([id], ct);
        var row = await rows.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (item is null || row is null)
        {
            return NotFound();
        }
        if (row.Articles > 0 && refuseDelete is not null)
        {
            return await ShowAsync(refuseDelete(row), ct);
        }
        db.Remove(item);
        db.Record(User, time.GetUtcNow().UtcDateTime, "delete", typeof(T).Name, id, $"{row.Name} ({row.Slug})");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // An article was filed under it since we counted: the database's restrict rule kept both.
            db.ChangeTracker.Clear();
            return await ShowAsync($"تعذّر حذف «{row.Name}» لأن مقالات أُضيفت إليه للتو.", ct);
        }
        Notice = $"حُذف «{row.Name}».";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(string? error, CancellationToken ct)
    {
        List = new TaxonomyList(await rows.ToListAsync(ct), Notice, error);
        return Page();
    }
}

/// <summary>Create (no id) or edit one section, tag or author; the slug is made, checked and kept unique here.</summary>
public sealed class TaxonomyEditModel<T>(NewsDbContext db, TimeProvider time) : PageModel where T : class
{
    // Section, Tag and Author share these names by convention, not by an interface, so EF is asked for them by name.
    private const string IdProperty = nameof(Domain.Tag.Id);

    [BindProperty]
    public TaxonomyInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }
        var item = await db.Set<T>().FindAsync([id], ct);
        if (item is null)
        {
            return NotFound();
        }
        var values = db.Entry(item).CurrentValues;
        bool Has(string name) => values.Properties.Any(p => p.Name == name);
        Input = new TaxonomyInput
        {
            Name = values.GetValue<string>(nameof(TaxonomyInput.Name)),
            Slug = values.GetValue<string>(nameof(TaxonomyInput.Slug)),
            SortOrder = Has(nameof(TaxonomyInput.SortOrder)) ? values.GetValue<int>(nameof(TaxonomyInput.SortOrder)) : null,
            Bio = Has(nameof(TaxonomyInput.Bio)) ? values.GetValue<string>(nameof(TaxonomyInput.Bio)) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        // A new entity's required Name and Slug are filled from the form before it is saved.
        var item = id is null ? Activator.CreateInstance<T>() : await db.Set<T>().FindAsync([id], ct);
        if (item is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid || !await CheckSlugAsync(id, ct))
        {
            return Page();
        }
        Input.Name = Input.Name.Trim();
        Input.SortOrder ??= 0;
        Input.Bio = Input.Bio?.Trim() ?? "";
        if (id is null)
        {
            db.Add(item);
        }
        db.Entry(item).CurrentValues.SetValues(Input);

        // One transaction: a new item needs its id saved before the audit entry can name it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another editor took the slug between our check and our save.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Slug", SlugTaken(Input.Slug!));
            return Page();
        }
        var savedId = db.Entry(item).Property<int>(IdProperty).CurrentValue;
        db.Record(User, time.GetUtcNow().UtcDateTime, id is null ? "create" : "edit", typeof(T).Name, savedId, $"{Input.Name} ({Input.Slug})");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Notice"] = $"حُفظ «{Input.Name}».";
        return RedirectToPage("Index");
    }

    // Slug.From keeps links readable and Arabic; uniqueness is checked here for a clear message, and
    // again by the unique index when two editors race.
    private async Task<bool> CheckSlugAsync(int? id, CancellationToken ct)
    {
        var slug = Domain.Slug.From(string.IsNullOrWhiteSpace(Input.Slug) ? Input.Name : Input.Slug);
        if (slug.Length == 0)
        {
            ModelState.AddModelError("Input.Slug", "تعذّر تكوين معرّف من الاسم؛ اكتب معرّفًا فيه حروف أو أرقام.");
            return false;
        }
        if (await db.Set<T>().AnyAsync(e => EF.Property<string>(e, nameof(TaxonomyInput.Slug)) == slug && EF.Property<int>(e, IdProperty) != id, ct))
        {
            ModelState.AddModelError("Input.Slug", SlugTaken(slug));
            return false;
        }
        Input.Slug = slug;
        return true;
    }

    private static string SlugTaken(string slug) => $"المعرّف «{slug}» مستخدم من قبل؛ اختر معرّفًا آخر.";
}
