using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace NewsSite.Content;

/// <summary>
/// Model binding's own messages (letters in a number field, an empty number) in Arabic, like every other
/// form error; {field} is the field's Arabic display name.
/// </summary>
public static class ArabicModelBinding
{
    public static void UseArabic(this DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustBeANumberAccessor(field => $"اكتب رقمًا في «{field}».");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "اكتب رقمًا.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"القيمة «{value}» لا تصلح في «{field}».");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"القيمة «{value}» لا تصلح.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"القيمة في «{field}» لا تصلح.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "القيمة لا تصلح.");
        messages.SetValueIsInvalidAccessor(value => $"القيمة «{value}» لا تصلح.");
        messages.SetValueMustNotBeNullAccessor(_ => "هذه الخانة مطلوبة.");
        messages.SetMissingBindRequiredValueAccessor(field => $"«{field}» مطلوب.");
        messages.SetMissingKeyOrValueAccessor(() => "القيمة مطلوبة.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "الطلب بلا محتوى.");
    }
}
