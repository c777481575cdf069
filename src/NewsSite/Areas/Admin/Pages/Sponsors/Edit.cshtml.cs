using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsSite.Areas.Admin.Pages.Sponsors;

/// <summary>
/// Creates a sponsor (no id) or edits one. Times are typed in the site's zone and stored as UTC; a logo upload
/// must be a real bitmap, and an existing logo (the demo SVGs too) stays when none is chosen.
/// </summary>
public sealed class EditModel(NewsDbContext db, SiteClock clock, MediaStore media) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "اكتب اسم الراعي.")]
        [StringLength(200, ErrorMessage = "اسم الراعي أطول من 200 حرف.")]
        [Display(Name = "اسم الراعي")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "اكتب رابط موقع الراعي.")]
        [StringLength(2000, ErrorMessage = "الرابط أطول من 2000 حرف.")]
        [Display(Name = "رابط موقع الراعي")]
        public string TargetUrl { get; set; } = "";

        [Display(Name = "مكان الظهور")]
        public SponsorPlacement Placement { get; set; }

        [Display(Name = "يبدأ الظهور في")]
        public DateTime? StartsAt { get; set; }

        [Display(Name = "ينتهي الظهور في")]
        public DateTime? EndsAt { get; set; }

        // Nullable so an empty box gets the Arabic "required" message rather than a binding error.
        [Required(ErrorMessage = "اكتب رقم الأولوية.")]
        [Range(0, 1000, ErrorMessage = "الأولوية رقم صحيح من 0 إلى 1000.")]
        [Display(Name = "الأولوية")]
        public int? Priority { get; set; } = 1;

        [Display(Name = "مفعّل (يظهر للقراء في مدته)")]
        public bool IsActive { get; set; } = true;

        /// <summary>A fingerprint of the sponsor as the form was opened: a save over someone else's change is shown, not made.</summary>
        public string? Version { get; set; }
    }

    /// <summary>The stored values that matter for a conflict and for the audit trail.</summary>
    public sealed record Values(
        string Name, string LogoPath, string TargetUrl, SponsorPlacement Placement,
        DateTime? StartsAt, DateTime? EndsAt, int Priority, bool IsActive)
    {
        public static Values Of(Sponsor s) => new(s.Name, s.LogoPath, s.TargetUrl, s.Placement, s.StartsAt, s.EndsAt, s.Priority, s.IsActive);

        public string Fingerprint() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            Name, LogoPath, TargetUrl, (int)Placement, StartsAt?.Ticks, EndsAt?.Ticks, Priority, IsActive))))[..16];

        /// <summary>"field: before → after" for each field that differs, for the audit entry.</summary>
        public string ChangesTo(Values after) => string.Join("؛ ", new (string Field, object? Before, object? After)[]
            {
                (nameof(Name), Name, after.Name), (nameof(LogoPath), LogoPath, after.LogoPath),
                (nameof(TargetUrl), TargetUrl, after.TargetUrl), (nameof(Placement), Placement, after.Placement),
                (nameof(StartsAt), StartsAt, after.StartsAt), (nameof(EndsAt), EndsAt, after.EndsAt),
                (nameof(Priority), Priority, after.Priority), (nameof(IsActive), IsActive, after.IsActive),
            }
            .Where(c => !Equals(c.Before, c.After))
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Field}: {c.Before} → {c.After}")));
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "الشعار")]
    public IFormFile? Logo { get; set; }

    public int? Id { get; private set; }

    public string? CurrentLogo { get; private set; }

    /// <summary>What is stored now, when a save found that someone else changed the sponsor first.</summary>
    public Values? Conflict { get; private set; }

    public bool IsNew => Id is null;

    public string ZoneId => clock.ZoneId;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            return Page();
        }
        var sponsor = await db.Sponsors.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sponsor is null)
        {
            return NotFound();
        }
        Id = sponsor.Id;
        CurrentLogo = sponsor.LogoPath;
        Input = new InputModel
        {
            Name = sponsor.Name,
            TargetUrl = sponsor.TargetUrl,
            Placement = sponsor.Placement,
            StartsAt = sponsor.StartsAt is { } start ? clock.ToLocal(start) : null,
            EndsAt = sponsor.EndsAt is { } end ? clock.ToLocal(end) : null,
            Priority = sponsor.Priority,
            IsActive = sponsor.IsActive,
            Version = Values.Of(sponsor).Fingerprint(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Sponsor? sponsor = null;
        if (id is not null)
        {
            sponsor = await db.Sponsors.FirstOrDefaultAsync(s => s.Id == id, ct);
            if (sponsor is null)
            {
                return NotFound();
            }
            Id = sponsor.Id;
            CurrentLogo = sponsor.LogoPath;
        }

        // An empty box binds as null.
        Input.Name = Input.Name?.Trim() ?? "";
        Input.TargetUrl = Input.TargetUrl?.Trim() ?? "";
        var (startsAt, endsAt) = Validate();
        if (sponsor is not null && Input.Version != Values.Of(sponsor).Fingerprint())
        {
            Conflict = Values.Of(sponsor);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = Conflict.Fingerprint();
            ModelState.AddModelError("", "عدّل شخص آخر هذا الراعي بعد أن فتحت الصفحة. راجع القيم المحفوظة الآن أدناه، ثم احفظ مجددًا إن أردت اعتماد ما كتبته.");
        }
        if (sponsor is null && Logo is null)
        {
            ModelState.AddModelError(nameof(Logo), "اختر صورة شعار الراعي.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The upload is stored only once everything else is valid, so a refused form leaves nothing behind.
        var logoPath = sponsor?.LogoPath;
        if (Logo is not null)
        {
            var saved = await media.SaveImageAsync(Logo, ct);
            if (!saved.Succeeded)
            {
                ModelState.AddModelError(nameof(Logo), saved.Error!);
                return Page();
            }
            logoPath = saved.Url;
        }

        var now = clock.UtcNow;
        var before = sponsor is null ? null : Values.Of(sponsor);
        sponsor ??= db.Sponsors.Add(new Sponsor { Name = "", LogoPath = "", TargetUrl = "" }).Entity;
        sponsor.Name = Input.Name;
        sponsor.LogoPath = logoPath!;
        sponsor.TargetUrl = Input.TargetUrl;
        sponsor.Placement = Input.Placement;
        sponsor.StartsAt = startsAt;
        sponsor.EndsAt = endsAt;
        sponsor.Priority = Input.Priority!.Value;
        sponsor.IsActive = Input.IsActive;

        // A new sponsor has no id until it is saved: the transaction keeps it and its audit entry together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var after = Values.Of(sponsor);
        if (before is null)
        {
            db.Record(User, now, "create", "Sponsor", sponsor.Id, sponsor.Name);
        }
        else if (before != after)
        {
            db.Record(User, now, "edit", "Sponsor", sponsor.Id, before.ChangesTo(after));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        TempData[nameof(IndexModel.Notice)] = before is null ? $"أُضيف الراعي «{sponsor.Name}»." : $"حُفظت تعديلات الراعي «{sponsor.Name}».";
        return RedirectToPage("./Index");
    }

    /// <summary>Checks what the attributes cannot; returns the window in UTC.</summary>
    private (DateTime? StartsAt, DateTime? EndsAt) Validate()
    {
        if (Input.TargetUrl.Length > 0 && !AbsoluteHttpUrl.IsValid(Input.TargetUrl))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TargetUrl)}",
                "اكتب عنوانًا كاملًا لموقع الراعي يبدأ بـ https أو http، مثل https://example.com. لا تُقبل الروابط الأخرى.");
        }
        if (!Enum.IsDefined(Input.Placement))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Placement)}", "اختر مكان الظهور: أعلى الصفحة أو أسفلها.");
        }
        var startsAt = ToUtc(Input.StartsAt, nameof(Input.StartsAt));
        var endsAt = ToUtc(Input.EndsAt, nameof(Input.EndsAt));
        if (startsAt is not null && endsAt is not null && endsAt <= startsAt)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.EndsAt)}", "يجب أن يكون موعد انتهاء الظهور بعد موعد بدئه.");
        }
        return (startsAt, endsAt);
    }

    private DateTime? ToUtc(DateTime? local, string field)
    {
        if (local is not { } value)
        {
            return null;
        }
        // A clock change can skip an hour; such a time does not exist in the site's zone.
        if (clock.Zone.IsInvalidTime(DateTime.SpecifyKind(value, DateTimeKind.Unspecified)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", "هذا الوقت غير موجود في المنطقة الزمنية للموقع بسبب تغيير الساعة. اختر وقتًا آخر.");
            return null;
        }
        return clock.ToUtc(value);
    }
}
