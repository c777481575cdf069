using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace NewsSite.Areas.Admin.Pages.Account;

public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, NewsDbContext db, TimeProvider time)
    : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "اكتب بريدك الإلكتروني.")]
        [EmailAddress(ErrorMessage = "البريد الإلكتروني غير صالح.")]
        [StringLength(254)]
        [Display(Name = "البريد الإلكتروني")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "اكتب كلمة المرور.")]
        [StringLength(200)]
        [DataType(DataType.Password)]
        [Display(Name = "كلمة المرور")]
        public string Password { get; set; } = "";

        [Display(Name = "تذكرني على هذا الجهاز")]
        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null || user.IsDisabled)
        {
            ModelState.AddModelError("", "البريد الإلكتروني أو كلمة المرور غير صحيحة.");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordSignInAsync(db, user, time.GetUtcNow().UtcDateTime);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginTwoFactor", new { ReturnUrl = SafeReturnUrl(ReturnUrl), Input.RememberMe });
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "أُقفل الحساب مؤقتًا بعد محاولات دخول فاشلة متكررة. حاول مجددًا بعد 15 دقيقة."
            : "البريد الإلكتروني أو كلمة المرور غير صحيحة.");
        return Page();
    }

    /// <summary>Only paths inside the newsroom: never an open redirect.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith("/admin", StringComparison.Ordinal)
            && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : "/admin";

    /// <summary>Sign-ins are part of the audit trail.</summary>
    internal static async Task RecordSignInAsync(NewsDbContext db, StaffUser user, DateTime now, string? details = null)
    {
        db.Record(user.Id, user.UserName ?? "", now, AuditActions.SignIn, AuditSubjects.Staff, user.Id, details);
        await db.SaveChangesAsync();
    }
}
