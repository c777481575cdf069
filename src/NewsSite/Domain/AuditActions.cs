namespace NewsSite.Domain;

/// <summary>The verbs of the audit trail, and how the log shows them in Arabic.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Edit = "edit";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Schedule = "schedule";
    public const string Delete = "delete";
    public const string Restore = "restore";
    public const string Upload = "upload";
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string ChangeRoles = "change-roles";
    public const string Disable = "disable";
    public const string Enable = "enable";
    public const string ResetPassword = "reset-password";
    public const string ChangePassword = "change-password";
    public const string EnableTwoFactor = "enable-2fa";
    public const string DisableTwoFactor = "disable-2fa";
    public const string ResetAuthenticator = "reset-authenticator";
    public const string NewRecoveryCodes = "recovery-codes";

    /// <summary>The Arabic label, or the raw verb for one this list does not know yet.</summary>
    public static string ArabicName(string action) => action switch
    {
        Create => "إنشاء",
        Edit => "تعديل",
        Publish => "نشر",
        Unpublish => "إلغاء النشر",
        Schedule => "جدولة",
        Delete => "حذف",
        Restore => "استعادة",
        Upload => "رفع ملف",
        SignIn => "تسجيل دخول",
        SignOut => "تسجيل خروج",
        ChangeRoles => "تغيير الأدوار",
        Disable => "تعطيل حساب",
        Enable => "تفعيل حساب",
        ResetPassword => "إعادة تعيين كلمة المرور",
        ChangePassword => "تغيير كلمة المرور",
        EnableTwoFactor => "تفعيل التحقق بخطوتين",
        DisableTwoFactor => "إيقاف التحقق بخطوتين",
        ResetAuthenticator => "إعادة تعيين مفتاح المصادقة",
        NewRecoveryCodes => "رموز استرداد جديدة",
        _ => action,
    };
}

/// <summary>The kinds of thing the audit trail records, and their Arabic names.</summary>
public static class AuditSubjects
{
    public const string Article = "Article";
    public const string Section = "Section";
    public const string Tag = "Tag";
    public const string Author = "Author";
    public const string Sponsor = "Sponsor";
    public const string Subscriber = "Subscriber";
    public const string Settings = "Settings";
    public const string Staff = "Staff";

    public static string ArabicName(string subject) => subject switch
    {
        Article => "مقال",
        Section => "قسم",
        Tag => "وسم",
        Author => "كاتب",
        Sponsor => "راعٍ",
        Subscriber => "مشترك",
        Settings => "إعدادات الموقع",
        Staff => "حساب في الطاقم",
        _ => subject,
    };
}
