using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace NewsSite.Areas.Admin.Pages.Staff;

/// <summary>
/// One account: name and roles, disable/enable, a new password, two-factor off. An admin can neither lock
/// themselves out nor leave the newsroom without an active admin.
/// </summary>
public sealed class EditModel(UserManager<StaffUser> users, NewsDbContext db, SiteClock clock) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "اكتب الاسم كما يظهر في غرفة الأخبار.")]
        [StringLength(100, ErrorMessage = "{0}: لا يزيد على {1} حرفًا.")]
        [Display(Name = "الاسم الظاهر")]
        public string DisplayName { get; set; } = "";

        public string[]? Roles { get; set; }
    }

    public sealed class PasswordInput : NewPasswordInput
    {
        /// <summary>Ignore the typed password and make a strong random one, shown once.</summary>
        [Display(Name = "ولّد كلمة مرور قوية عشوائيًا")]
        public bool Generate { get; set; }
    }

    public sealed record Account(string Id, string Email, DateTime CreatedAt, bool IsDisabled, bool IsLocked, bool TwoFactor, bool IsSelf);

    public Account Member { get; private set; } = null!;

    public InputModel Input { get; private set; } = new();

    public PasswordInput Password { get; private set; } = new();

    public IReadOnlyCollection<string> TickedRoles => Input.Roles ?? [];

    /// <summary>A generated password, shown in this one response and stored nowhere.</summary>
    public string? GeneratedPassword { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string Stamp(DateTime utc) => clock.Stamp(utc);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, InputModel input)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var roles = IdentityForms.KnownRoles(input.Roles);
        if (roles.Length == 0)
        {
            ModelState.AddModelError("Input.Roles", "اختر دورًا واحدًا على الأقل.");
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(StaffRoles.Admin) && !roles.Contains(StaffRoles.Admin))
        {
            RefuseRemovingAdmin(user, await OtherActiveAdminsAsync(user), "سحب دور المدير من حسابك");
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user, input);
            return Page();
        }

        var changes = new AuditChanges();
        user.DisplayName = changes.Track("الاسم", user.DisplayName, input.DisplayName.Trim());
        changes.Add("الأدوار", IdentityForms.ArabicRoles(current), IdentityForms.ArabicRoles(roles));
        if (!changes.Any)
        {
            Notice = "لم يتغير شيء.";
            return RedirectToPage(new { id });
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles.Except(current));
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "");
            await ShowAsync(user, input);
            return Page();
        }
        var rolesChanged = !current.Order().SequenceEqual(roles.Order());
        db.Record(User, clock.UtcNow, rolesChanged ? AuditActions.ChangeRoles : AuditActions.Edit, AuditSubjects.Staff, user.Id,
            $"{user.Email}؛ {changes}");
        // The user row (display name) and the audit entry are saved here; the member's session picks up new roles at its next check.
        result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "");
            await ShowAsync(user, input);
            return Page();
        }
        await transaction.CommitAsync();
        Notice = "حُفظت التغييرات.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (await users.IsInRoleAsync(user, StaffRoles.Admin))
        {
            RefuseRemovingAdmin(user, await OtherActiveAdminsAsync(user), "تعطيل حسابك");
        }
        else if (IsSelf(user))
        {
            ModelState.AddModelError("", "لا يمكنك تعطيل حسابك.");
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }
        user.IsDisabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        db.Record(User, clock.UtcNow, AuditActions.Disable, AuditSubjects.Staff, user.Id, user.Email);
        // A new security stamp ends the account's open sessions at their next check; one save carries it, the flags and the audit entry.
        var result = await users.UpdateSecurityStampAsync(user);
        return await DoneAsync(user, result, "عُطّل الحساب وأُنهيت جلساته المفتوحة.");
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var wasDisabled = user.IsDisabled;
        user.IsDisabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.Record(User, clock.UtcNow, AuditActions.Enable, AuditSubjects.Staff, user.Id,
            wasDisabled ? user.Email : $"{user.Email}؛ فك القفل المؤقت");
        var result = await users.UpdateAsync(user);
        return await DoneAsync(user, result, wasDisabled ? "فُعّل الحساب ويمكن لصاحبه الدخول." : "فُك القفل عن الحساب.");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, PasswordInput password)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (IsSelf(user))
        {
            ModelState.AddModelError("", "غيّر كلمة مرورك من صفحة «حسابي».");
        }
        if (password.Generate)
        {
            // The typed fields don't matter when generating.
            ModelState.Remove("password.NewPassword");
            ModelState.Remove("password.ConfirmPassword");
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user, password: password);
            return Page();
        }

        var newPassword = password.Generate ? IdentityForms.GeneratePassword() : password.NewPassword;
        // A reset token lets the admin set it without the old one; the reset also renews the security stamp, ending open sessions.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        db.Record(User, clock.UtcNow, AuditActions.ResetPassword, AuditSubjects.Staff, user.Id,
            password.Generate ? $"{user.Email}؛ كلمة مرور مولّدة" : user.Email);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            ModelState.AddErrors(result, "Password.NewPassword");
            await ShowAsync(user, password: password);
            return Page();
        }
        if (!password.Generate)
        {
            Notice = "عُيّنت كلمة المرور الجديدة، وأُنهيت جلسات الحساب المفتوحة.";
            return RedirectToPage(new { id });
        }
        // Not to be kept by any cache; written as antiforgery writes it, so it logs no override warning.
        Response.Headers.CacheControl = "no-cache, no-store";
        GeneratedPassword = newPassword;
        ModelState.Clear();
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (IsSelf(user))
        {
            ModelState.AddModelError("", "أدر التحقق بخطوتين لحسابك من صفحة «حسابي».");
            await ShowAsync(user);
            return Page();
        }
        // For a member who lost both the app and the recovery codes: off, and a new key for when they turn it on again.
        db.Record(User, clock.UtcNow, AuditActions.DisableTwoFactor, AuditSubjects.Staff, user.Id, user.Email);
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded)
        {
            result = await users.ResetAuthenticatorKeyAsync(user);
        }
        return await DoneAsync(user, result, "أُوقف التحقق بخطوتين لهذا الحساب. يمكن لصاحبه تفعيله من جديد من صفحة «حسابي».");
    }

    private bool IsSelf(StaffUser user) => user.Id == users.GetUserId(User);

    private async Task<int> OtherActiveAdminsAsync(StaffUser user) =>
        (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count(u => u.Id != user.Id && !u.IsDisabled);

    /// <summary>The newsroom always keeps an active admin, and an admin never removes their own access (what they'd do: <paramref name="selfAction"/>).</summary>
    private void RefuseRemovingAdmin(StaffUser user, int otherActiveAdmins, string selfAction)
    {
        if (!user.IsDisabled && otherActiveAdmins == 0)
        {
            ModelState.AddModelError("", "هذا آخر مدير نشط في غرفة الأخبار؛ لا يمكن إزالته. أضف مديرًا آخر أولًا.");
        }
        else if (IsSelf(user))
        {
            ModelState.AddModelError("", $"لا يمكنك {selfAction}. اطلب ذلك من مدير آخر.");
        }
    }

    private async Task<IActionResult> DoneAsync(StaffUser user, IdentityResult result, string notice)
    {
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            ModelState.AddErrors(result, "");
            await ShowAsync((await users.FindByIdAsync(user.Id))!);
            return Page();
        }
        Notice = notice;
        return RedirectToPage(new { id = user.Id });
    }

    private async Task ShowAsync(StaffUser user, InputModel? input = null, PasswordInput? password = null)
    {
        Member = new Account(user.Id, user.Email ?? "", user.CreatedAt, user.IsDisabled,
            !user.IsDisabled && user.LockoutEnd > clock.UtcNow, user.TwoFactorEnabled, IsSelf(user));
        Input = input ?? new InputModel { DisplayName = user.DisplayName, Roles = [.. await users.GetRolesAsync(user)] };
        Password = password ?? new PasswordInput();
    }
}
