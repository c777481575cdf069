using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace NewsSite.Content;

/// <summary>
/// Every bound string (form field, query value) without NUL characters: PostgreSQL's text cannot hold one (SQLite's
/// can), and no reader or editor means one, so both stores keep the same words instead of one failing the save.
/// </summary>
public sealed class TextModelBinderProvider : IModelBinderProvider
{
    // Values from form, query and route only; greedy sources (body, headers, services) keep their own binders.
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource is not { IsGreedy: true }
            ? new WithoutNul(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class WithoutNul(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text } && text.Contains('\0', StringComparison.Ordinal))
            {
                bindingContext.Result = ModelBindingResult.Success(text.Replace("\0", "", StringComparison.Ordinal));
            }
        }
    }
}
