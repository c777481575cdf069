using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace NewsSite.Areas.Admin.Pages.Staff;

/// <summary>A new newsroom account with the password the admin types (and hands over); the password policy applies.</summary>
public sealed class CreateModel(UserManager<StaffUser> users, NewsDbContext db, SiteClock clock) : PageModel
{
    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "اكتب البريد الإلكتروني.")]
        [EmailAddress(ErrorMessage = "البريد الإلكتروني غير صالح.")]
        [StringLength(254, ErrorMessage = "البريد الإلكتروني أطول من المسموح.")]
        [Display(Name = "البريد الإلكتروني")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "اكتب الاسم كما يظهر في غرفة الأخبار.")]
        [StringLength(100, ErrorMessage = "{0}: لا يزيد على {1} حرفًا.")]
        [Display(Name = "الاسم الظاهر")]
        public string DisplayName { get; set; } = "";

        public string[]? Roles { get; set; }

    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyCollection<string> TickedRoles => Input.Roles ?? [StaffRoles.Writer];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var roles = IdentityForms.KnownRoles(Input.Roles);
        if (roles.Length == 0)
        {
            ModelState.AddModelError("Input.Roles", "اختر دورًا واحدًا على الأقل.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = Input.DisplayName.Trim(), CreatedAt = clock.UtcNow,
        };
        // The account, its roles and the audit entry land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, Input.NewPassword);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles);
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, "Input.NewPassword", "Input.Email");
            return Page();
        }
        db.Record(User, clock.UtcNow, AuditActions.Create, AuditSubjects.Staff, user.Id,
            $"{email}؛ الاسم: {user.DisplayName}؛ الأدوار: {IdentityForms.ArabicRoles(roles)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Notice"] = "أُنشئ الحساب. سلّم كلمة المرور الأولى لصاحبه بطريقة آمنة.";
        return RedirectToPage("./Edit", new { id = user.Id });
    }
}
