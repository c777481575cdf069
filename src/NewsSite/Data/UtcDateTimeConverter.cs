using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsSite.Data;

/// <summary>Every stored time is UTC; this says so on the way back, so formatting and comparisons agree.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
