using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsSite.Data;

/// <summary>
/// Every stored time is UTC; this says so on the way back, so formatting and comparisons agree. An unspecified
/// kind is taken as UTC on the way in too: PostgreSQL's timestamp with time zone accepts only UTC times.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
