namespace NewsSite.Domain;

public class Subscriber
{
    public int Id { get; set; }

    /// <summary>Trimmed and lower-cased, so one address signs up once.</summary>
    public required string Email { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>Confirms the address; confirming again keeps the first time.</summary>
    public void Confirm(DateTime now) => ConfirmedAt ??= now;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
