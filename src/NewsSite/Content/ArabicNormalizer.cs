using System.Text;

namespace NewsSite.Content;

/// <summary>
/// One spelling for search: the index and the query both pass through here, so الأخبار, الاخبار, الأخْبار and
/// الاخبـــار become the same word. SQLite's tokenizer folds none of these by itself.
/// </summary>
public static class ArabicNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormC))
        {
            if (Slug.IsTashkeelOrTatweel(c))
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            // Control characters carry no words, and the index uses two of them to mark snippet highlights.
            if (char.IsControl(c))
            {
                continue;
            }
            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }
            result.Append(Fold(c));
        }
        return result.ToString();
    }

    /// <summary>One character as the index holds it: hamza and alef forms, alef maqsura, teh marbuta and Arabic-Indic digits folded, the rest lower-cased.</summary>
    public static char Fold(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => char.ToLowerInvariant(c),
    };

    // Normalize() throws on half a surrogate pair; a query string can carry one, so it becomes U+FFFD first.
    private static string WithoutLoneSurrogates(string text)
    {
        char[]? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            var paired = char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(text[i]) ? i > 0 && char.IsHighSurrogate(text[i - 1])
                : true;
            if (!paired)
            {
                fixedText ??= text.ToCharArray();
                fixedText[i] = '\uFFFD';
            }
        }
        return fixedText is null ? text : new string(fixedText);
    }
}
