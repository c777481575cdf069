namespace NewsSite.Areas.Admin.Pages.Staff;

/// <summary>Everyone with a newsroom account: roles, whether they can sign in, whether they use two-factor.</summary>
public sealed class IndexModel(NewsDbContext db, SiteClock clock) : PageModel
{
    public sealed record Member(string Id, string DisplayName, string Email, string Roles, bool IsDisabled, bool IsLocked, bool TwoFactor);

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(ct);
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            select new { userRole.UserId, role.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.UtcNow;
        Members = users.Select(u => new Member(u.Id, u.DisplayName, u.Email ?? "", IdentityForms.ArabicRoles(roles[u.Id]),
                u.IsDisabled, !u.IsDisabled && u.LockoutEnd > now, u.TwoFactorEnabled))
            .ToList();
    }
}
