using Microsoft.AspNetCore.Identity;

namespace NewsSite.Domain;

/// <summary>A newsroom account (ASP.NET Core Identity); readers have none.</summary>
public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>A disabled account cannot sign in; its history stays.</summary>
    public bool IsDisabled { get; set; }
}

public static class StaffRoles
{
    public const string Writer = "Writer";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Writer, Editor, Admin];

    public static string ArabicName(string role) => role switch
    {
        Writer => "كاتب",
        Editor => "محرر",
        Admin => "مدير",
        _ => role,
    };
}

/// <summary>Authorization policies of the newsroom, one per level of trust.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "Staff";

    /// <summary>Editors and admins: publish, schedule, sections, tags, authors, media.</summary>
    public const string Editing = "Editing";

    /// <summary>Admins only: sponsors, staff, settings, subscribers, audit log.</summary>
    public const string Admin = "AdminOnly";
}
