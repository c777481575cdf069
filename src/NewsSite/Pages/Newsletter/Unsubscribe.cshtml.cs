namespace NewsSite.Pages.Newsletter;

/// <summary>
/// One-click unsubscribe from the link in every mail (GET) and from mail clients' own button (RFC 8058 POST).
/// The address is deleted, not just unconfirmed: a reader who leaves should not stay on file. Idempotent: a
/// second click finds nothing to delete and shows the same confirmation.
/// </summary>
// Mail clients post the RFC 8058 one-click request without our antiforgery token; the signed token in the URL is the proof instead.
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(NewsDbContext db, NewsletterTokens tokens) : PageModel
{
    public bool Unsubscribed { get; private set; }

    public Task<IActionResult> OnGetAsync(string? token, CancellationToken ct) => UnsubscribeAsync(token, ct);

    public Task<IActionResult> OnPostAsync(string? token, CancellationToken ct) => UnsubscribeAsync(token, ct);

    private async Task<IActionResult> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadUnsubscribe(token) is not { } holder)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await db.Subscribers.Where(s => s.Id == holder.SubscriberId && s.Email == holder.Email).ExecuteDeleteAsync(ct);
        Unsubscribed = true;
        return Page();
    }
}
