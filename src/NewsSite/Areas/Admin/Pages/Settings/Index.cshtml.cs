using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace NewsSite.Areas.Admin.Pages.Settings;

/// <summary>The site's identity: name, logo, time zone, footer lines and social links; public pages use a save at once.</summary>
public sealed partial class IndexModel(NewsDbContext db, SiteSettingsStore store, MediaStore media, SiteClock clock) : PageModel
{
    /// <summary>The select's value for "another zone, typed below".</summary>
    public const string OtherZone = "";

    /// <summary>The Arab world's zones, offered first; any other IANA zone can be typed.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> CommonZones = new (string Id, string Name)[]
    {
        ("Asia/Kuwait", "الكويت"), ("Asia/Riyadh", "السعودية (الرياض)"), ("Asia/Qatar", "قطر"), ("Asia/Bahrain", "البحرين"),
        ("Asia/Dubai", "الإمارات (دبي)"), ("Asia/Muscat", "عُمان (مسقط)"), ("Asia/Aden", "اليمن (عدن)"), ("Asia/Baghdad", "العراق (بغداد)"),
        ("Asia/Amman", "الأردن (عمّان)"), ("Asia/Damascus", "سوريا (دمشق)"), ("Asia/Beirut", "لبنان (بيروت)"), ("Asia/Hebron", "فلسطين (الخليل)"),
        ("Africa/Cairo", "مصر (القاهرة)"), ("Africa/Khartoum", "السودان (الخرطوم)"), ("Africa/Tripoli", "ليبيا (طرابلس)"),
        ("Africa/Tunis", "تونس"), ("Africa/Algiers", "الجزائر"), ("Africa/Casablanca", "المغرب (الدار البيضاء)"),
        ("Africa/Nouakchott", "موريتانيا (نواكشوط)"), ("Africa/Mogadishu", "الصومال (مقديشو)"), ("Africa/Djibouti", "جيبوتي"),
        ("Indian/Comoro", "جزر القمر"), ("UTC", "التوقيت العالمي (UTC)"),
    }.Where(z => SiteSettingsStore.IsKnownTimeZone(z.Id)).ToList();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "اكتب اسم الموقع.")]
        [StringLength(100, ErrorMessage = "{0}: لا يزيد على {1} حرفًا.")]
        [Display(Name = "اسم الموقع")]
        public string SiteName { get; set; } = "";

        [StringLength(200, ErrorMessage = "{0}: لا يزيد على {1} حرفًا.")]
        [Display(Name = "العبارة التعريفية")]
        public string? Tagline { get; set; }

        [Display(Name = "المنطقة الزمنية")]
        public string? TimeZone { get; set; }

        [StringLength(100, ErrorMessage = "{0}: لا يزيد على {1} حرفًا.")]
        [Display(Name = "منطقة أخرى (معرّف IANA)")]
        public string? OtherTimeZone { get; set; }

        [StringLength(200, ErrorMessage = "{0}: لا يزيد على {1} حرفًا.")]
        [Display(Name = "صاحب حقوق النشر")]
        public string? CopyrightHolder { get; set; }

        [StringLength(200, ErrorMessage = "{0}: لا يزيد على {1} حرفًا.")]
        [Display(Name = "نص سطر التصميم والتطوير")]
        public string? CreditText { get; set; }

        [StringLength(500, ErrorMessage = "{0}: لا يزيد على {1} حرفًا.")]
        [AbsoluteHttpUrl(AllowLocalPath = true)]
        [Display(Name = "رابط سطر التصميم والتطوير")]
        public string? CreditUrl { get; set; }

        [StringLength(500, ErrorMessage = "{0}: لا يزيد على {1} حرفًا."), AbsoluteHttpUrl, Display(Name = "فيسبوك")]
        public string? FacebookUrl { get; set; }

        [StringLength(500, ErrorMessage = "{0}: لا يزيد على {1} حرفًا."), AbsoluteHttpUrl, Display(Name = "إكس (تويتر)")]
        public string? XUrl { get; set; }

        [StringLength(500, ErrorMessage = "{0}: لا يزيد على {1} حرفًا."), AbsoluteHttpUrl, Display(Name = "إنستغرام")]
        public string? InstagramUrl { get; set; }

        [StringLength(500, ErrorMessage = "{0}: لا يزيد على {1} حرفًا."), AbsoluteHttpUrl, Display(Name = "يوتيوب")]
        public string? YouTubeUrl { get; set; }

        [StringLength(500, ErrorMessage = "{0}: لا يزيد على {1} حرفًا."), AbsoluteHttpUrl, Display(Name = "تيليغرام")]
        public string? TelegramUrl { get; set; }

        [StringLength(500, ErrorMessage = "{0}: لا يزيد على {1} حرفًا."), AbsoluteHttpUrl, Display(Name = "واتساب")]
        public string? WhatsAppUrl { get; set; }

        [Display(Name = "إزالة الشعار والعودة إلى الشعار الافتراضي")]
        public bool RemoveLogo { get; set; }

        /// <summary>The zone typed under "another zone" when that is chosen, else the select's.</summary>
        public string ChosenTimeZone => (string.IsNullOrEmpty(TimeZone) ? OtherTimeZone : TimeZone)?.Trim() ?? "";

        public static InputModel From(SiteSettings s)
        {
            var common = CommonZones.Any(z => z.Id == s.TimeZone);
            return new InputModel
            {
                SiteName = s.SiteName, Tagline = s.Tagline,
                TimeZone = common ? s.TimeZone : OtherZone, OtherTimeZone = common ? null : s.TimeZone,
                CopyrightHolder = s.CopyrightHolder, CreditText = s.CreditText, CreditUrl = s.CreditUrl,
                FacebookUrl = s.FacebookUrl, XUrl = s.XUrl, InstagramUrl = s.InstagramUrl,
                YouTubeUrl = s.YouTubeUrl, TelegramUrl = s.TelegramUrl, WhatsAppUrl = s.WhatsAppUrl,
            };
        }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "شعار جديد")]
    public IFormFile? Logo { get; set; }

    /// <summary>The logo saved now (null: the default logo).</summary>
    public string? LogoPath { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct)
                      ?? store.Defaults();
        Input = InputModel.From(current);
        LogoPath = current.LogoPath;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var settings = await db.SiteSettings.SingleOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, ct);
        var isNew = settings is null;
        settings ??= store.Defaults();
        LogoPath = settings.LogoPath;

        var zone = Input.ChosenTimeZone;
        if (!IsIanaZone(zone))
        {
            ModelState.AddModelError(string.IsNullOrEmpty(Input.TimeZone) ? "Input.OtherTimeZone" : "Input.TimeZone",
                zone.Length == 0
                    ? "اختر المنطقة الزمنية أو اكتب معرّفها."
                    : "منطقة زمنية غير معروفة. اكتب معرّف IANA مثل Asia/Kuwait أو Africa/Cairo.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var logo = Input.RemoveLogo ? null : settings.LogoPath;
        if (Logo is not null)
        {
            var upload = await media.SaveImageAsync(Logo, ct);
            if (!upload.Succeeded)
            {
                ModelState.AddModelError(nameof(Logo), upload.Error!);
                return Page();
            }
            logo = upload.Url;
        }

        var changes = Apply(settings, zone, logo);
        if (isNew)
        {
            db.SiteSettings.Add(settings);
        }
        if (changes.Any)
        {
            db.Record(User, clock.UtcNow, AuditActions.Edit, AuditSubjects.Settings, SiteSettings.SingletonId, changes.ToString());
        }
        await db.SaveChangesAsync(ct);
        store.Use(settings);
        Notice = changes.Any ? "حُفظت الإعدادات، والموقع يعرضها الآن." : "لم يتغير شيء.";
        return RedirectToPage();
    }

    /// <summary>Copies the form onto <paramref name="s"/> and says what changed, for the audit trail.</summary>
    private AuditChanges Apply(SiteSettings s, string zone, string? logo)
    {
        var c = new AuditChanges();
        s.SiteName = c.Track("اسم الموقع", s.SiteName, Input.SiteName.Trim());
        s.Tagline = c.Track("العبارة التعريفية", s.Tagline, Clean(Input.Tagline) ?? "");
        s.TimeZone = c.Track("المنطقة الزمنية", s.TimeZone, zone);
        s.LogoPath = c.Track("الشعار", s.LogoPath, logo);
        s.CopyrightHolder = c.Track("صاحب حقوق النشر", s.CopyrightHolder, Clean(Input.CopyrightHolder) ?? "");
        s.CreditText = c.Track("نص سطر التصميم", s.CreditText, Clean(Input.CreditText) ?? "");
        s.CreditUrl = c.Track("رابط سطر التصميم", s.CreditUrl, Clean(Input.CreditUrl) ?? "");
        s.FacebookUrl = c.Track("فيسبوك", s.FacebookUrl, Clean(Input.FacebookUrl));
        s.XUrl = c.Track("إكس", s.XUrl, Clean(Input.XUrl));
        s.InstagramUrl = c.Track("إنستغرام", s.InstagramUrl, Clean(Input.InstagramUrl));
        s.YouTubeUrl = c.Track("يوتيوب", s.YouTubeUrl, Clean(Input.YouTubeUrl));
        s.TelegramUrl = c.Track("تيليغرام", s.TelegramUrl, Clean(Input.TelegramUrl));
        s.WhatsAppUrl = c.Track("واتساب", s.WhatsAppUrl, Clean(Input.WhatsAppUrl));
        return c;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An IANA id the server knows (the browser's clock needs IANA, not a Windows name); the pattern keeps paths out.</summary>
    internal static bool IsIanaZone(string id) =>
        id.Length <= 100 && ZonePattern().IsMatch(id) && SiteSettingsStore.IsKnownTimeZone(id)
        && TimeZoneInfo.FindSystemTimeZoneById(id).HasIanaId;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex ZonePattern();
}
