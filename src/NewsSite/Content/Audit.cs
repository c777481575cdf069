using System.Security.Claims;

namespace NewsSite.Content;

/// <summary>Adds an audit entry to the same unit of work as the change it records, so both land or neither.</summary>
public static class Audit
{
    public static void Record(this NewsDbContext db, ClaimsPrincipal user, DateTime now,
        string action, string subject, object? subjectId = null, string? details = null) =>
        db.Record(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "", now, action, subject, subjectId, details);

    public static void Record(this NewsDbContext db, string? userId, string userName, DateTime now,
        string action, string subject, object? subjectId = null, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = userId,
            UserName = userName,
            Action = action,
            Subject = subject,
            SubjectId = Convert.ToString(subjectId, System.Globalization.CultureInfo.InvariantCulture),
            Details = details is { Length: > 2000 } ? details[..2000] : details,
        });
}
