using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace NewsSite.Areas.Admin.Pages.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP): show the shared key, turn it on with a code from the app,
/// recovery codes shown once; turning it off, a new key or new codes need the current password.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<StaffUser> users, SignInManager<StaffUser> signIn, NewsDbContext db, SiteClock clock, SiteSettingsStore settings)
    : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    [Display(Name = "الرمز من التطبيق")]
    public string? Code { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    [Display(Name = "كلمة المرور الحالية")]
    public string? CurrentPassword { get; set; }

    public bool IsEnabled { get; private set; }

    /// <summary>The shared key in groups of four, easier to type into an app.</summary>
    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Fresh recovery codes: shown in this one response, kept only as hashes.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

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

    /// <summary>Turns two-factor on once the app proves it holds the key.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "اكتب الرمز المكوّن من 6 أرقام من التطبيق.");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "الرمز غير صحيح أو انتهت صلاحيته. تأكد من ضبط ساعة الهاتف واكتب الرمز الظاهر الآن.");
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }

        db.Record(User, clock.UtcNow, AuditActions.EnableTwoFactor, AuditSubjects.Staff, user.Id);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        Notice = "فُعّل التحقق بخطوتين. سيُطلب الرمز من التطبيق عند كل دخول.";
        await ShowAsync(user, codes);
        return Page();
    }

    public Task<IActionResult> OnPostRecoveryCodesAsync() => WithPasswordAsync(async user =>
    {
        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        db.Record(User, clock.UtcNow, AuditActions.NewRecoveryCodes, AuditSubjects.Staff, user.Id);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        Notice = "رموز استرداد جديدة؛ الرموز السابقة لم تعد تعمل.";
        await ShowAsync(user, codes);
        return Page();
    });

    public Task<IActionResult> OnPostDisableAsync() => WithPasswordAsync(async user =>
    {
        db.Record(User, clock.UtcNow, AuditActions.DisableTwoFactor, AuditSubjects.Staff, user.Id);
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        Notice = "أُوقف التحقق بخطوتين. يكفي الآن البريد وكلمة المرور للدخول.";
        return RedirectToPage("./Index");
    });

    /// <summary>A new key: the old app entry stops working, and two-factor stays off until a code from the new one.</summary>
    public Task<IActionResult> OnPostResetAsync() => WithPasswordAsync(async user =>
    {
        db.Record(User, clock.UtcNow, AuditActions.ResetAuthenticator, AuditSubjects.Staff, user.Id);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Notice = "أُنشئ مفتاح جديد. أضفه إلى التطبيق واكتب الرمز لتفعيل التحقق بخطوتين من جديد.";
        return RedirectToPage();
    });

    /// <summary>Runs <paramref name="action"/> only after the current password; wrong ones count towards the lockout.</summary>
    private async Task<IActionResult> WithPasswordAsync(Func<StaffUser, Task<IActionResult>> action)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await signIn.CheckCurrentPasswordAsync(user, CurrentPassword, ModelState, nameof(CurrentPassword)))
        {
            await ShowAsync(user);
            return Page();
        }
        return await action(user);
    }

    private async Task ShowAsync(StaffUser user, IEnumerable<string>? newCodes = null)
    {
        IsEnabled = user.TwoFactorEnabled;
        RecoveryCodes = newCodes?.ToList();
        if (RecoveryCodes is not null)
        {
            // Not to be kept by any cache; written as antiforgery writes it, so it logs no override warning.
            Response.Headers.CacheControl = "no-cache, no-store";
        }
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key renews the security stamp: refresh this session's cookie so it stays signed in.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = string.Join(' ', key.Chunk(4).Select(group => new string(group)));
        AuthenticatorUri = OtpAuthUri(settings.Current.Settings.SiteName, user.Email ?? user.UserName ?? "", key);
        QrCode = QrCodeDataUri(AuthenticatorUri);
    }

    /// <summary>The Key URI Format authenticator apps read: otpauth://totp/Issuer:account?secret=…&amp;issuer=….</summary>
    internal static string OtpAuthUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    /// <summary>The URI as a QR code: an SVG image as a data URI (no markup of ours goes through Html.Raw).</summary>
    private static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
