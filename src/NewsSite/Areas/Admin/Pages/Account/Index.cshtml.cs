using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace NewsSite.Areas.Admin.Pages.Account;

/// <summary>Any staff member's own account: who they are, their password, and whether two-factor is on.</summary>
public sealed class IndexModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, NewsDbContext db, SiteClock clock)
    : PageModel
{
    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "اكتب كلمة المرور الحالية.")]
        [StringLength(200)]
        [DataType(DataType.Password)]
        [Display(Name = "كلمة المرور الحالية")]
        public string CurrentPassword { get; set; } = "";
    }

    public sealed record Profile(string DisplayName, string Email, string Roles, bool TwoFactor, int RecoveryCodesLeft);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Profile Me { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            await ChangePasswordAsync(user);
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }
        Notice = "تغيّرت كلمة المرور، وأُنهيت جلساتك على الأجهزة الأخرى.";
        return RedirectToPage();
    }

    private async Task ChangePasswordAsync(StaffUser user)
    {
        if (!await signIn.CheckCurrentPasswordAsync(user, Input.CurrentPassword, ModelState, "Input.CurrentPassword"))
        {
            return;
        }
        // The audit entry is saved by the same save as the new password hash.
        db.Record(User, clock.UtcNow, AuditActions.ChangePassword, AuditSubjects.Staff, user.Id);
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            ModelState.AddErrors(result, "Input.NewPassword");
            return;
        }
        // The new security stamp ends other sessions; this one gets a fresh cookie and carries on.
        await signIn.RefreshSignInAsync(user);
    }

    private async Task ShowAsync(StaffUser user) =>
        Me = new Profile(user.DisplayName, user.Email ?? "", IdentityForms.ArabicRoles(await users.GetRolesAsync(user)),
            user.TwoFactorEnabled, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
}
