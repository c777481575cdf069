using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace NewsSite.Areas.Admin.Pages.Account;

/// <summary>The second step of signing in for accounts with an authenticator app.</summary>
public sealed class LoginTwoFactorModel(SignInManager<StaffUser> signIn, NewsDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "اكتب الرمز من تطبيق المصادقة.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "الرمز من 6 أرقام.")]
    [Display(Name = "رمز التحقق")]
    public string Code { get; set; } = "";

    [BindProperty]
    [StringLength(50)]
    [Display(Name = "رمز الاسترداد")]
    public string? RecoveryCode { get; set; }

    /// <summary>Opens the recovery-code form when the page comes back from it with an error.</summary>
    public bool UsingRecoveryCode { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await LoginModel.RecordSignInAsync(db, user, time.GetUtcNow().UtcDateTime);
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "أُقفل الحساب مؤقتًا بعد محاولات فاشلة متكررة. حاول مجددًا بعد 15 دقيقة."
            : "الرمز غير صحيح أو انتهت صلاحيته.");
        return Page();
    }

    /// <summary>For a lost phone: one of the codes shown when two-factor was turned on, each good once.</summary>
    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login");
        }
        UsingRecoveryCode = true;
        ModelState.Remove(nameof(Code));
        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "اكتب أحد رموز الاسترداد.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await LoginModel.RecordSignInAsync(db, user, time.GetUtcNow().UtcDateTime, "برمز استرداد");
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut
            ? "أُقفل الحساب مؤقتًا بعد محاولات فاشلة متكررة. حاول مجددًا بعد 15 دقيقة."
            : "رمز الاسترداد غير صحيح أو استُخدم من قبل.");
        return Page();
    }
}
