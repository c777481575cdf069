using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NewsSite.Areas.Admin.Pages;

/// <summary>What the staff and account forms share: Identity's (Arabic) errors placed on the right field, roles, new passwords.</summary>
internal static class IdentityForms
{
    /// <summary>
    /// Puts Identity's errors under their fields, all of a field's in one message (a field shows one): password rules
    /// under <paramref name="passwordKey"/>, address problems under <paramref name="emailKey"/>, the rest above the form.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordKey, string? emailKey = null)
    {
        var byField = result.Errors.DistinctBy(e => e.Description).GroupBy(error =>
            error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordKey
            : emailKey is not null && (error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal)) ? emailKey
            : "");
        foreach (var field in byField)
        {
            modelState.AddModelError(field.Key, string.Join(" ", field.Select(e => e.Description)));
        }
    }

    /// <summary>The roles ticked on a form, known ones only, in the site's order; empty when none is valid.</summary>
    public static string[] KnownRoles(IEnumerable<string>? ticked) =>
        StaffRoles.All.Where(r => ticked?.Contains(r, StringComparer.Ordinal) == true).ToArray();

    public static string ArabicRoles(IEnumerable<string> roles) =>
        string.Join("، ", StaffRoles.All.Where(roles.Contains).Select(StaffRoles.ArabicName));

    /// <summary>
    /// Checks a signed-in member's current password before a sensitive change; wrong ones count towards the lockout, as at
    /// sign-in, so a borrowed session can't guess its way further. False (with an Arabic error under <paramref name="key"/>) when wrong.
    /// </summary>
    public static async Task<bool> CheckCurrentPasswordAsync(this SignInManager<StaffUser> signIn, StaffUser user, string? password,
        ModelStateDictionary modelState, string key)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            modelState.AddModelError(key, check.IsLockedOut
                ? "أُقفل الحساب مؤقتًا بعد محاولات فاشلة متكررة. حاول مجددًا بعد 15 دقيقة."
                : "كلمة المرور الحالية غير صحيحة.");
        }
        return check.Succeeded;
    }

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>
    /// A random password for an admin to hand over once: 4 groups of 5 from letters and digits that can't be
    /// misread (no 0/O, 1/l/I), always with an upper case letter, a lower case letter and a digit (about 115 bits).
    /// </summary>
    public static string GeneratePassword()
    {
        const string all = Upper + Lower + Digits;
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(all, 20);
            if (chars.Any(Upper.Contains) && chars.Any(Lower.Contains) && chars.Any(Digits.Contains) && chars.Distinct().Count() >= 6)
            {
                return string.Join('-', chars.Chunk(5).Select(group => new string(group)));
            }
        }
    }
}

/// <summary>A new password typed twice, as the create, reset and change-password forms ask for it.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "اكتب كلمة المرور الجديدة.")]
    [StringLength(200, ErrorMessage = "كلمة المرور أطول من المسموح.")]
    [DataType(DataType.Password)]
    [Display(Name = "كلمة المرور الجديدة")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "كلمتا المرور غير متطابقتين.")]
    [DataType(DataType.Password)]
    [Display(Name = "أعد كتابة كلمة المرور")]
    public string? ConfirmPassword { get; set; }
}
