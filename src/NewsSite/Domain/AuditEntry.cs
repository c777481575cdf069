namespace NewsSite.Domain;

/// <summary>One thing someone did in the newsroom: who, what, to which item, when.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>A verb such as "create", "edit", "publish", "unpublish", "delete", "sign-in".</summary>
    public required string Action { get; set; }

    /// <summary>The kind of thing acted on: "Article", "Sponsor", "Settings", "Staff", ...</summary>
    public required string Subject { get; set; }

    public string? SubjectId { get; set; }
    public string? Details { get; set; }
}
