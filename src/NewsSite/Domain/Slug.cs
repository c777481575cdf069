using System.Globalization;
using System.Text;

namespace NewsSite.Domain;

/// <summary>URL slugs that keep Arabic letters readable: "الأخبارُ اليوم!" becomes "الأخبار-اليوم".</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        var slug = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (IsTashkeelOrTatweel(c))
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                {
                    slug.Append('-');
                }
                pendingDash = false;
                slug.Append(c is >= '\u0660' and <= '\u0669' ? (char)('0' + (c - '\u0660')) : char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
            if (slug.Length > MaxLength)
            {
                break; // one character past the limit tells Trim whether the cut falls inside a word
            }
        }
        return Trim(slug.ToString());
    }

    // Cut at the last whole word so a long title does not end in half a word.
    private static string Trim(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }
        var cut = slug.LastIndexOf('-', MaxLength);
        return cut > 0 ? slug[..cut] : slug[..MaxLength];
    }

    internal static bool IsTashkeelOrTatweel(char c) =>
        c is >= '\u064B' and <= '\u0652' or '\u0670' or '\u0640'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
