using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;

namespace NewsSite.Areas.Admin.Pages.Articles;

/// <summary>
/// Writes a new article (/admin/articles/new) or edits one (/admin/articles/{id}/edit). Any staff member may
/// change the words; only editors and admins change what readers see. A save based on an older version is
/// refused and both texts are shown, so nobody's words are overwritten.
/// </summary>
public sealed partial class EditModel(
    NewsDbContext db, SiteClock clock, MarkdownRenderer markdown, MediaStore media, IAuthorizationService authorization)
    : PageModel
{
    public const int MaxBodyLength = 100_000;
    public const int MaxTags = 15;
    public const int MaxTagLength = 100;

    /// <summary>The form's buttons: each says what the save does besides keeping the words.</summary>
    public static class Commands
    {
        public const string Save = "save";
        public const string Review = "review";
        public const string Schedule = "schedule";
        public const string Publish = "publish";
        public const string Unpublish = "unpublish";
        public const string Preview = "preview";

        public static readonly string[] All = [Save, Review, Schedule, Publish, Unpublish, Preview];
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "اكتب عنوان المقال.")]
        [StringLength(300, ErrorMessage = "العنوان أطول من {1} حرف.")]
        [Display(Name = "العنوان")]
        public string? Title { get; set; }

        [StringLength(Domain.Slug.MaxLength, ErrorMessage = "الرابط أطول من {1} حرفًا.")]
        [Display(Name = "الرابط")]
        public string? Slug { get; set; }

        [Display(Name = "القسم")]
        public int SectionId { get; set; }

        [Display(Name = "الكاتب")]
        public int AuthorId { get; set; }

        [StringLength(1000, ErrorMessage = "الوسوم أطول من {1} حرف.")]
        [Display(Name = "الوسوم")]
        public string? Tags { get; set; }

        [StringLength(1000, ErrorMessage = "الملخص أطول من {1} حرف.")]
        [Display(Name = "الملخص")]
        public string? Summary { get; set; }

        [Display(Name = "خبر عاجل")]
        public bool IsUrgent { get; set; }

        /// <summary>The image already stored for this form: the article's own, or one uploaded by an earlier try.</summary>
        public string? HeroImagePath { get; set; }

        [Display(Name = "إزالة الصورة")]
        public bool RemoveHeroImage { get; set; }

        [StringLength(500, ErrorMessage = "النص البديل أطول من {1} حرف.")]
        [Display(Name = "وصف الصورة (نص بديل)")]
        public string? HeroImageAlt { get; set; }

        [StringLength(500, ErrorMessage = "التعليق أطول من {1} حرف.")]
        [Display(Name = "تعليق الصورة")]
        public string? HeroImageCaption { get; set; }

        [StringLength(MaxBodyLength, ErrorMessage = "نص المقال أطول من {1} حرف.")]
        [Display(Name = "نص المقال (Markdown)")]
        public string? Body { get; set; }

        /// <summary>Typed in the site's time zone, as a datetime-local box sends it: 2026-12-01T09:30.</summary>
        [Display(Name = "موعد النشر")]
        public string? PublishAt { get; set; }

        /// <summary>The version this form was loaded with; a save against any other is refused.</summary>
        public int Version { get; set; }
    }

    /// <summary>The article as it is stored: what the editor shows around the form.</summary>
    public sealed record SavedState(int Id, string Slug, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, int Version);

    /// <summary>What someone else saved while this form was open, shown beside the unsaved words.</summary>
    public sealed record ConflictingVersion(
        int Version, string Title, string Summary, string Body, ArticleStatus Status,
        string SectionName, string AuthorName, DateTime UpdatedAt, string? SavedBy);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "صورة رئيسية جديدة")]
    public IFormFile? HeroImage { get; set; }

    [BindProperty]
    public string? Command { get; set; }

    /// <summary>Null for a new article.</summary>
    public SavedState? Saved { get; private set; }

    public ConflictingVersion? Conflict { get; private set; }

    public ArticleChoices Choices { get; private set; } = null!;

    /// <summary>Editors and admins: publish, schedule, unpublish.</summary>
    public bool CanPublish { get; private set; }

    public string PreviewHtml { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Set on the page after a successful save: the browser drafts under these keys are now stored for real.</summary>
    [TempData]
    public string? SavedDraftKeys { get; set; }

    public const string NewPath = "/admin/articles/new";

    public static string PathOf(int id) => $"/admin/articles/{id}/edit";

    public long MaxUploadMegabytes => media.MaxBytes / (1024 * 1024);

    public string DraftKey => Saved?.Id.ToString(CultureInfo.InvariantCulture) ?? "new";

    public bool IsLive => Saved is { Status: ArticleStatus.Published, PublishedAt: { } at } && at <= clock.UtcNow;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            return await ShowAsync(ct);
        }
        var loaded = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                State = new SavedState(a.Id, a.Slug, a.Status, a.PublishedAt, a.UpdatedAt, a.Version),
                Input = new InputModel
                {
                    Title = a.Title,
                    Slug = a.Slug,
                    SectionId = a.SectionId,
                    AuthorId = a.AuthorId,
                    Summary = a.Summary,
                    IsUrgent = a.IsUrgent,
                    HeroImagePath = a.HeroImagePath,
                    HeroImageAlt = a.HeroImageAlt,
                    HeroImageCaption = a.HeroImageCaption,
                    Body = a.BodyMarkdown,
                    Version = a.Version,
                },
            })
            .FirstOrDefaultAsync(ct);
        if (loaded is null)
        {
            return NotFound();
        }
        (Saved, Input) = (loaded.State, loaded.Input);
        var tags = await db.Articles.Where(a => a.Id == id).SelectMany(a => a.Tags)
            .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        Input.Tags = string.Join("، ", tags);
        if (Saved is { Status: ArticleStatus.Scheduled, PublishedAt: { } at })
        {
            Input.PublishAt = clock.ToLocal(at).ToString(LocalInputFormat, CultureInfo.InvariantCulture);
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Article? article = null;
        if (id is not null)
        {
            article = await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (article is null)
            {
                return NotFound();
            }
            Saved = StateOf(article);
        }
        var command = Command ?? Commands.Save;
        if (!Commands.All.Contains(command))
        {
            return BadRequest();
        }
        if (ChangesPublicState(command, article?.Status ?? ArticleStatus.Draft) && !await CanPublishAsync())
        {
            return Forbid();
        }
        if (command == Commands.Preview)
        {
            // Showing the text is not saving it: no "required" messages yet.
            ModelState.Clear();
            await KeepUploadAsync(ct);
            return await ShowAsync(ct);
        }

        await KeepUploadAsync(ct);
        Choices = await ArticleChoices.LoadAsync(db, ct);
        var form = Validate(command, article);
        if (form is null)
        {
            return await ShowAsync(ct);
        }
        if (article is not null && article.Version != Input.Version)
        {
            return await ShowConflictAsync(article.Id, ct);
        }

        var now = clock.UtcNow;
        var isNew = article is null;
        article ??= new Article { Title = form.Title, Slug = form.Slug, CreatedAt = now };
        await ApplyAsync(article, form, ct);
        var outcome = ChangeState(article, command, form.PublishAtUtc, now);
        article.MarkSaved(now);
        try
        {
            await SaveAsync(article, isNew, outcome, now, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: same answer as a stale version.
            db.ChangeTracker.Clear();
            return await ShowConflictAsync(article.Id, ct);
        }

        Notice = outcome.Notice;
        SavedDraftKeys = isNew ? $"new {article.Id}" : $"{article.Id}";
        return Redirect(PathOf(article.Id));
    }

    /// <summary>The live preview: the body through the same pipeline as the public page, as an HTML fragment.</summary>
    public IActionResult OnPostPreview([FromForm] string? body) =>
        body is { Length: > MaxBodyLength }
            ? BadRequest()
            : Content(markdown.Render(body ?? ""), "text/html; charset=utf-8");

    private const string LocalInputFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly string[] LocalInputFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    private static readonly char[] TagSeparators = [',', '،'];

    private sealed record ValidForm(string Title, string Slug, IReadOnlyList<(string Name, string Slug)> Tags, DateTime? PublishAtUtc);

    private sealed record Outcome(string? Action, string? Details, string Notice);

    /// <summary>Writers keep to the words; what readers see (or will see) is the editors' call.</summary>
    private static bool ChangesPublicState(string command, ArticleStatus current) => command switch
    {
        Commands.Publish or Commands.Schedule or Commands.Unpublish => true,
        // Writers write drafts: the text of a live or scheduled story is the editors' to change.
        Commands.Review or Commands.Save => current is ArticleStatus.Scheduled or ArticleStatus.Published,
        _ => false,
    };

    private async Task<bool> CanPublishAsync() =>
        (await authorization.AuthorizeAsync(User, StaffPolicies.Editing)).Succeeded;

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Choices ??= await ArticleChoices.LoadAsync(db, ct);
        CanPublish = await CanPublishAsync();
        PreviewHtml = markdown.Render(Input.Body ?? "");
        return Page();
    }

    /// <summary>
    /// An uploaded image is stored at once, even when the rest of the form has mistakes, and the form carries its
    /// address from then on: nobody uploads the same picture twice because of a missing title.
    /// </summary>
    private async Task KeepUploadAsync(CancellationToken ct)
    {
        if (Input.RemoveHeroImage)
        {
            Input.HeroImagePath = null;
            Input.RemoveHeroImage = false;
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.HeroImagePath)}");
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.RemoveHeroImage)}");
        }
        if (HeroImage is null)
        {
            return;
        }
        var saved = await media.SaveImageAsync(HeroImage, ct);
        if (saved.Succeeded)
        {
            Input.HeroImagePath = saved.Url;
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.HeroImagePath)}");
        }
        else
        {
            ModelState.AddModelError(nameof(HeroImage), saved.Error!);
        }
    }

    /// <summary>Checks what attributes cannot: the slug's shape, the choices, the tags, the image and the date.</summary>
    private ValidForm? Validate(string command, Article? article)
    {
        var title = Input.Title?.Trim() ?? "";
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slug.From(title) : Input.Slug.Trim();
        if (string.IsNullOrWhiteSpace(Input.Slug) && slug.Length == 0 && title.Length > 0)
        {
            AddError(nameof(InputModel.Slug), "لا يصلح العنوان رابطًا: اكتب الرابط بحروف أو أرقام.");
        }
        else if (slug.Length > 0 && Slug.From(slug) != slug)
        {
            var suggestion = Slug.From(slug);
            AddError(nameof(InputModel.Slug), suggestion.Length > 0
                ? $"الرابط حروف وأرقام (الإنجليزية صغيرة) بينها شرطات فقط، مثل: {suggestion}"
                : "الرابط حروف وأرقام (الإنجليزية صغيرة) بينها شرطات فقط.");
        }
        if (!Choices.Sections.Any(s => s.Id == Input.SectionId))
        {
            AddError(nameof(InputModel.SectionId), "اختر قسمًا من القائمة.");
        }
        if (!Choices.Authors.Any(a => a.Id == Input.AuthorId))
        {
            AddError(nameof(InputModel.AuthorId), "اختر كاتبًا من القائمة.");
        }
        var tags = ParseTags(Input.Tags);
        foreach (var (name, tagSlug) in tags)
        {
            if (name.Length > MaxTagLength)
            {
                AddError(nameof(InputModel.Tags), $"الوسم «{name[..20]}…» أطول من {MaxTagLength} حرف.");
            }
            else if (tagSlug.Length == 0)
            {
                AddError(nameof(InputModel.Tags), $"الوسم «{name}» لا يصلح: اكتب حروفًا أو أرقامًا.");
            }
        }
        if (tags.Count > MaxTags)
        {
            AddError(nameof(InputModel.Tags), $"الحد الأقصى {MaxTags} وسمًا للمقال.");
        }
        if (Input.HeroImagePath is { Length: > 0 } image)
        {
            if (image != article?.HeroImagePath && !media.IsStoredUpload(image))
            {
                AddError(nameof(InputModel.HeroImagePath), "الصورة غير موجودة: ارفعها مرة أخرى.");
            }
            if (string.IsNullOrWhiteSpace(Input.HeroImageAlt))
            {
                AddError(nameof(InputModel.HeroImageAlt), "صف الصورة لمن لا يراها: النص البديل مطلوب مع الصورة.");
            }
        }
        DateTime? publishAtUtc = null;
        if (command == Commands.Schedule)
        {
            publishAtUtc = ReadPublishAt();
        }
        return ModelState.IsValid ? new ValidForm(title, slug, tags, publishAtUtc) : null;
    }

    private DateTime? ReadPublishAt()
    {
        if (string.IsNullOrWhiteSpace(Input.PublishAt))
        {
            AddError(nameof(InputModel.PublishAt), "اختر موعد النشر (التاريخ والساعة) لجدولة المقال.");
            return null;
        }
        if (!DateTime.TryParseExact(Input.PublishAt.Trim(), LocalInputFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local) || local.Year is < 2000 or > 2100)
        {
            AddError(nameof(InputModel.PublishAt), "موعد النشر غير صالح: اكتبه بالصيغة 2026-12-01T09:30.");
            return null;
        }
        if (clock.Zone.IsInvalidTime(local))
        {
            // A clock skipped forward here (daylight saving): that hour does not exist in the site's zone.
            AddError(nameof(InputModel.PublishAt), "هذا الموعد غير موجود في توقيت الموقع (تغيير التوقيت الصيفي): اختر موعدًا آخر.");
            return null;
        }
        return clock.ToUtc(local);
    }

    /// <summary>Tag names separated by Latin or Arabic commas, blanks dropped, the same slug once.</summary>
    internal static IReadOnlyList<(string Name, string Slug)> ParseTags(string? text) =>
        (text ?? "").Split(TagSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => (Name: name, Slug: Slug.From(name)))
            .DistinctBy(t => t.Slug.Length > 0 ? t.Slug : t.Name)
            .ToList();

    private void AddError(string field, string message) => ModelState.AddModelError($"{nameof(Input)}.{field}", message);

    private async Task ApplyAsync(Article article, ValidForm form, CancellationToken ct)
    {
        article.Title = form.Title;
        article.Slug = form.Slug;
        article.Summary = Input.Summary?.Trim() ?? "";
        article.SectionId = Input.SectionId;
        article.AuthorId = Input.AuthorId;
        article.IsUrgent = Input.IsUrgent;
        var hero = string.IsNullOrEmpty(Input.HeroImagePath) ? null : Input.HeroImagePath;
        if (hero != article.HeroImagePath)
        {
            // Read from the stored file, not the form: the size cannot be typed in, and survives a second post.
            var size = hero is null ? null : media.SizeOf(hero);
            (article.HeroImageWidth, article.HeroImageHeight) = (size?.Width, size?.Height);
        }
        article.HeroImagePath = hero;
        article.HeroImageAlt = article.HeroImagePath is null ? null : Input.HeroImageAlt?.Trim();
        article.HeroImageCaption = article.HeroImagePath is null ? null : NullIfBlank(Input.HeroImageCaption);
        var body = Input.Body ?? "";
        article.SetBody(body, markdown.Render(body));

        // Tags are created the first time someone writes them.
        var slugs = form.Tags.Select(t => t.Slug).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, ct);
        article.Tags.Clear();
        foreach (var (name, slug) in form.Tags)
        {
            article.Tags.Add(existing.TryGetValue(slug, out var tag) ? tag : new Tag { Name = name, Slug = slug });
        }
    }

    private Outcome ChangeState(Article article, string command, DateTime? publishAtUtc, DateTime now)
    {
        switch (command)
        {
            case Commands.Review:
                article.SubmitForReview();
                return new Outcome("submit-review", null, "حُفظ المقال وأُرسل إلى المراجعة.");
            case Commands.Publish:
                article.Publish(now);
                return new Outcome("publish", null, "نُشر المقال على الموقع.");
            case Commands.Schedule when publishAtUtc <= now:
                article.Publish(now);
                return new Outcome("publish", "موعد الجدولة مضى فنُشر فورًا", "موعد النشر مضى، فنُشر المقال الآن.");
            case Commands.Schedule:
                article.Schedule(publishAtUtc!.Value);
                var stamp = clock.Stamp(publishAtUtc.Value);
                return new Outcome("schedule", $"موعد النشر: {stamp} ({SiteClock.Machine(publishAtUtc.Value)})", $"جُدول المقال للنشر في {stamp}.");
            case Commands.Unpublish:
                article.Unpublish();
                return new Outcome("unpublish", null, "أُلغي نشر المقال وعاد مسودة.");
            default:
                return new Outcome(null, null, "حُفظ المقال.");
        }
    }

    /// <summary>
    /// The article, its revision and its audit entries land together or not at all. A new article is inserted first
    /// (inside the same transaction) because the revision and the audit entry need its id.
    /// </summary>
    private async Task SaveAsync(Article article, bool isNew, Outcome outcome, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (isNew)
        {
            db.Articles.Add(article);
            await db.SaveChangesAsync(ct);
        }
        db.Record(User, now, isNew ? "create" : "edit", "Article", article.Id, article.Title);
        if (outcome.Action is not null)
        {
            db.Record(User, now, outcome.Action, "Article", article.Id, outcome.Details ?? article.Title);
        }
        db.ArticleRevisions.Add(ArticleRevision.Of(article, now, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? ""));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Refuses the save: the stored version and the unsaved words side by side, the form ready to save against the new version.</summary>
    private async Task<IActionResult> ShowConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                State = new SavedState(a.Id, a.Slug, a.Status, a.PublishedAt, a.UpdatedAt, a.Version),
                Version = new ConflictingVersion(
                    a.Version, a.Title, a.Summary, a.BodyMarkdown, a.Status, a.Section.Name, a.Author.Name, a.UpdatedAt,
                    db.ArticleRevisions.Where(r => r.ArticleId == a.Id && r.Version == a.Version)
                        .OrderByDescending(r => r.Id).Select(r => r.SavedByName).FirstOrDefault()),
            })
            .FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return NotFound();
        }
        (Saved, Conflict) = (current.State, current.Version);
        Input.Version = current.Version.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
        ModelState.AddModelError("", "لم يُحفظ المقال: عدّله شخص آخر منذ فتحتَه. نصّك ما زال في النموذج؛ قارنه بالنسخة المحفوظة أدناه، وادمج ما تريد ثم احفظ من جديد.");
        return await ShowAsync(ct);
    }

    private static SavedState StateOf(Article a) => new(a.Id, a.Slug, a.Status, a.PublishedAt, a.UpdatedAt, a.Version);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
