using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace NewsSite.Content;

/// <summary>Arabic for the errors model binding raises before any validation attribute runs ("abc" typed into a number box).</summary>
public static class ArabicModelBinding
{
    public static void UseArabic(this DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"القيمة «{value}» غير صالحة في حقل {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"القيمة «{value}» غير صالحة.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"القيمة المدخلة في حقل {field} غير صالحة.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "القيمة المدخلة غير صالحة.");
        messages.SetValueIsInvalidAccessor(value => $"القيمة «{value}» غير صالحة.");
        messages.SetValueMustBeANumberAccessor(field => $"يجب أن يكون حقل {field} رقمًا.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "يجب أن تكون القيمة رقمًا.");
        messages.SetValueMustNotBeNullAccessor(_ => "هذا الحقل مطلوب.");
        messages.SetMissingBindRequiredValueAccessor(field => $"حقل {field} مطلوب.");
        messages.SetMissingKeyOrValueAccessor(() => "القيمة مطلوبة.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "الطلب فارغ.");
    }
}
