using Microsoft.AspNetCore.Authorization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;

namespace NewsSite.Areas.Admin.Pages.Articles;

/// <summary>
/// One revision compared line by line with the current article (or with the revision before it), and the
/// restore that makes its words current again as a new revision: history is only ever added to.
/// </summary>
public sealed class RevisionModel(
    NewsDbContext db, SiteClock clock, MarkdownRenderer markdown, UserManager<StaffUser> users, IAuthorizationService authorization)
    : PageModel
{
    public sealed record Text(string Title, string Summary, string Body);

    public sealed record Saved(int Id, int Version, string SavedByName, DateTime SavedAt, ArticleStatus Status, Text Text);

    public sealed record Current(int Id, int Version, ArticleStatus Status, Text Text);

    public sealed record FieldDiff(string Label, IReadOnlyList<DiffLine> Lines)
    {
        public bool Changed => LineDiff.HasChanges(Lines);
    }

    private static readonly Expression<Func<ArticleRevision, Saved>> ToSaved = r =>
        new Saved(r.Id, r.Version, r.SavedByName, r.SavedAt, r.Status, new Text(r.Title, r.Summary, r.BodyMarkdown));

    public Current Article { get; private set; } = null!;

    public Saved Revision { get; private set; } = null!;

    public string OlderLabel { get; private set; } = "";

    public string NewerLabel { get; private set; } = "";

    public IReadOnlyList<FieldDiff> Fields { get; private set; } = [];

    public bool SameAsCurrent => Revision.Text == Article.Text;

    public string? Conflict { get; private set; }

    /// <summary>"previous" compares with the revision before this one; anything else with the current article.</summary>
    [BindProperty(SupportsGet = true, Name = "against")]
    public string? Against { get; set; }

    public bool AgainstPrevious => Against == "previous";

    /// <summary>The article version the editor was looking at when they chose to restore.</summary>
    [BindProperty]
    public int SeenVersion { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int revisionId, CancellationToken ct) =>
        await LoadAsync(id, revisionId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int revisionId, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, ct);
        var revision = await db.ArticleRevisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, ct);
        if (article is null || revision is null)
        {
            return NotFound();
        }
        // Restoring changes the words; on a live or scheduled story that is the editors' call.
        if (article.IsPublicOrScheduled && !(await authorization.AuthorizeAsync(User, StaffPolicies.Editing)).Succeeded)
        {
            return Forbid();
        }
        if (article.Version != SeenVersion)
        {
            return await RefuseStaleAsync(id, revisionId, ct);
        }

        var now = clock.UtcNow;
        article.Title = revision.Title;
        article.Summary = revision.Summary;
        article.SetBody(revision.BodyMarkdown, markdown.Render(revision.BodyMarkdown));
        article.MarkSaved(now);
        var user = await users.GetUserAsync(User);
        var name = user is { DisplayName.Length: > 0 } ? user.DisplayName : User.Identity?.Name ?? "";
        db.ArticleRevisions.Add(ArticleRevision.Of(article, now, user?.Id, name));
        db.Record(User, now, "restore", "Article", id, $"revision {revision.Version}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the version token caught it, nothing was written.
            db.ChangeTracker.Clear();
            return await RefuseStaleAsync(id, revisionId, ct);
        }
        Notice = $"استُعيد نص النسخة {revision.Version}، وحُفظ نسخةً جديدة برقم {article.Version}.";
        return RedirectToPage("Revisions", new { id });
    }

    private async Task<IActionResult> RefuseStaleAsync(int id, int revisionId, CancellationToken ct)
    {
        // Show what changed since this revision, against the text that is current now.
        Against = null;
        if (!await LoadAsync(id, revisionId, ct))
        {
            return NotFound();
        }
        Conflict = $"عُدّل المقال بعد أن فتحت هذه الصفحة، فلم يُستعد شيء. النسخة الحالية الآن {Article.Version}: راجع الفروق أدناه ثم أعد الاستعادة إن أردت.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int revisionId, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new Current(a.Id, a.Version, a.Status, new Text(a.Title, a.Summary, a.BodyMarkdown)))
            .SingleOrDefaultAsync(ct);
        var revision = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id && r.Id == revisionId)
            .Select(ToSaved)
            .SingleOrDefaultAsync(ct);
        if (article is null || revision is null)
        {
            return false;
        }
        Article = article;
        Revision = revision;

        Text older, newer;
        if (AgainstPrevious)
        {
            var previous = await db.ArticleRevisions.AsNoTracking()
                .Where(r => r.ArticleId == id && r.Version < revision.Version)
                .OrderByDescending(r => r.Version)
                .Select(ToSaved)
                .FirstOrDefaultAsync(ct);
            (older, newer) = (previous?.Text ?? new Text("", "", ""), revision.Text);
            OlderLabel = previous is null ? "لا شيء (هذه أول نسخة)" : $"النسخة {previous.Version}";
            NewerLabel = $"النسخة {revision.Version}";
        }
        else
        {
            (older, newer) = (revision.Text, article.Text);
            OlderLabel = $"النسخة {revision.Version}";
            NewerLabel = $"النص الحالي (النسخة {article.Version})";
        }
        Fields =
        [
            new("العنوان", LineDiff.Compare(older.Title, newer.Title)),
            new("الملخص", LineDiff.Compare(older.Summary, newer.Summary)),
            new("النص", LineDiff.Compare(older.Body, newer.Body)),
        ];
        return true;
    }
}
