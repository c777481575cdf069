namespace NewsSite.Pages.Newsletter;

/// <summary>The link in the double opt-in mail: a valid token confirms its address; anything else changes nothing.</summary>
public sealed class ConfirmModel(NewsDbContext db, NewsletterTokens tokens, SiteClock clock) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        var holder = tokens.ReadConfirm(token);
        // The address must still match: after an unsubscribe and a new sign-up the old link is not the new row's.
        var subscriber = holder is null ? null : await db.Subscribers
            .FirstOrDefaultAsync(s => s.Id == holder.SubscriberId && s.Email == holder.Email, ct);
        if (subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        subscriber.Confirm(clock.UtcNow);
        await db.SaveChangesAsync(ct);
        Confirmed = true;
        return Page();
    }
}
