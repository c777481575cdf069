using Microsoft.AspNetCore.Identity;

namespace NewsSite.Areas.Admin.Pages.Account;

public sealed class LogoutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/admin/login");
    }
}
