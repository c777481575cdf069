using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace NewsSite.Content;

/// <summary>
/// Every string bound from a form, query or route loses the characters HTML may not carry (control characters other
/// than tab and line feed, and Unicode noncharacters), and its line breaks become LF. Such characters are invisible and
/// mean nothing in text, a page that showed one, even as <c>&amp;#x7;</c>, would be invalid HTML, and PostgreSQL's
/// text cannot hold a NUL at all (both stores keep the same words instead of one failing the save).
/// </summary>
public sealed class PlainTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource is not { IsGreedy: true }
            ? new PlainTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class PlainTextBinder(SimpleTypeModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text } && PlainText.Clean(text) is var clean && clean != text)
            {
                bindingContext.Result = ModelBindingResult.Success(clean);
                // A form shown again with its mistakes shows the cleaned value too.
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, clean, clean);
            }
        }
    }
}

public static class PlainText
{
    /// <summary>
    /// <paramref name="text"/> without control characters (but tab and line feed) and noncharacters; CRLF and CR become LF
    /// (HTML may not carry a CR even as <c>&amp;#xD;</c>), a lone surrogate becomes U+FFFD.
    /// </summary>
    public static string Clean(string text)
    {
        if (!text.Any(c => (char.IsControl(c) && c is not ('\t' or '\n')) || char.IsSurrogate(c) || c >= '\uFDD0'))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        var afterCarriageReturn = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var keep = rune.Value switch
            {
                '\r' => false,
                '\n' => !afterCarriageReturn,
                '\t' => true,
                >= 0xFDD0 and <= 0xFDEF => false,
                _ => !Rune.IsControl(rune) && (rune.Value & 0xFFFE) != 0xFFFE,
            };
            if (rune.Value == '\r')
            {
                clean.Append('\n');
            }
            else if (keep)
            {
                clean.Append(rune);
            }
            afterCarriageReturn = rune.Value == '\r';
        }
        return clean.ToString();
    }
}
