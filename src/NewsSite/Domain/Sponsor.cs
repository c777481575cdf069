using System.Linq.Expressions;

namespace NewsSite.Domain;

public enum SponsorPlacement
{
    Header = 0,
    Footer = 1,
}

public class Sponsor
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string LogoPath { get; set; }
    public required string TargetUrl { get; set; }
    public SponsorPlacement Placement { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }

    /// <summary>Lower numbers show first.</summary>
    public int Priority { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Switched on and inside its date window (start inclusive, end exclusive); usable in queries.</summary>
    public static Expression<Func<Sponsor, bool>> ActiveAt(DateTime instant) =>
        s => s.IsActive && (s.StartsAt == null || s.StartsAt <= instant) && (s.EndsAt == null || s.EndsAt > instant);

    public bool IsActiveOn(DateTime instant) => ActiveAt(instant).Compile().Invoke(this);
}
