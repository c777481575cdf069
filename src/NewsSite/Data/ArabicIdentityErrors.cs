using Microsoft.AspNetCore.Identity;

namespace NewsSite.Data;

/// <summary>Identity's messages in Arabic, for the newsroom's forms.</summary>
public sealed class ArabicIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "حدث خطأ غير متوقع.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "عدّل شخص آخر هذا الحساب للتو. أعد المحاولة.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "كلمة المرور غير صحيحة.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "الرمز غير صالح.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "اسم المستخدم غير صالح.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "البريد الإلكتروني غير صالح.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "هذا البريد مستخدم لحساب آخر.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "هذا البريد مستخدم لحساب آخر.");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "للحساب كلمة مرور بالفعل.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "القفل غير مفعّل لهذا الحساب.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "الحساب يحمل هذا الدور بالفعل.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "الحساب لا يحمل هذا الدور.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"يجب ألا تقل كلمة المرور عن {length} حرفًا.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"يجب أن تحوي كلمة المرور {uniqueChars} أحرف مختلفة على الأقل.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "يجب أن تحوي كلمة المرور رمزًا واحدًا على الأقل مثل ! أو #.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "يجب أن تحوي كلمة المرور رقمًا واحدًا على الأقل.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "يجب أن تحوي كلمة المرور حرفًا لاتينيًا صغيرًا (a-z) على الأقل.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "يجب أن تحوي كلمة المرور حرفًا لاتينيًا كبيرًا (A-Z) على الأقل.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
