using System.Net.Mail;

namespace NewsSite.Pages.Newsletter;

/// <summary>
/// The newsletter sign-up behind the "اشترك معنا" form on every page (post, then redirect): stores the address
/// unconfirmed and queues the double opt-in mail; only a confirmed address is a subscriber.
/// The form sits on cached pages shared by every reader, so it carries no per-visitor antiforgery token: a forged
/// post could only ask for a confirmation mail to an address the forger picks, which they can do on this page
/// anyway. A post whose Origin (or, without one, Referer) names another site is still refused.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SubscribeModel(NewsDbContext db, SiteClock clock, NewsletterMail mail, MailOutbox outbox) : PageModel
{
    public const int MaxEmailLength = 254;

    [BindProperty]
    public string? Email { get; set; }

    public bool Done { get; private set; }

    public void OnGet(bool done = false) => Done = done;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsFromThisSite(Request))
        {
            return BadRequest();
        }
        var email = Subscriber.NormalizeEmail(Email ?? "");
        var error = email.Length == 0 ? "اكتب بريدك الإلكتروني للاشتراك."
            : IsValidEmail(email) ? null
            : "هذا البريد الإلكتروني غير صحيح. تأكد منه ثم أعد المحاولة.";
        if (error is not null)
        {
            ViewData["SubscribeError"] = error;
            ViewData["SubscribeEmail"] = Email?.Length > MaxEmailLength ? Email[..MaxEmailLength] : Email;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Signing up twice is not an error: the reader sees the same thanks and the list keeps one row.
        var subscriber = await FindAsync(email, ct);
        if (subscriber is null)
        {
            db.Subscribers.Add(new Subscriber { Email = email, CreatedAt = clock.UtcNow });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Only a race with the same address is harmless: the other request stored it.
            }
            subscriber = await FindAsync(email, ct) ?? throw new InvalidOperationException("The subscriber was neither stored nor found.");
        }
        // Unconfirmed: (re)send the link, the first mail may be lost. Confirmed: nothing to do, and the same
        // thanks, so the form never tells a stranger whether an address is on the list.
        if (subscriber.ConfirmedAt is null)
        {
            var siteRoot = new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}/");
            outbox.Enqueue(new OutgoingMail(mail.Confirmation(subscriber.Id, email, siteRoot), "confirmation", subscriber.Id));
        }
        return RedirectToPage(new { done = true });
    }

    private Task<Subscriber?> FindAsync(string email, CancellationToken ct) =>
        db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Email == email, ct);

    // Browsers send Origin on form posts; older ones and privacy settings may send only Referer, or neither (allowed).
    private static bool IsFromThisSite(HttpRequest request)
    {
        var source = request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : request.Headers.Referer.ToString();
        return source.Length == 0
            || (Uri.TryCreate(source, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    internal static bool IsValidEmail(string email) =>
        email.Length <= MaxEmailLength
        && !email.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}
