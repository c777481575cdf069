namespace NewsSite.Pages;

/// <summary>The Arabic page behind every 4xx/5xx without a body of its own (re-executed by the status code pages).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    public string Title => Code switch
    {
        StatusCodes.Status404NotFound => "الصفحة غير موجودة",
        StatusCodes.Status403Forbidden => "ليست لديك صلاحية",
        StatusCodes.Status429TooManyRequests => "طلبات كثيرة",
        StatusCodes.Status413PayloadTooLarge => "الطلب أكبر من المسموح",
        _ => "تعذّر تنفيذ الطلب",
    };

    public void OnGet() => Show();

    // No model binding, not even of the route's code: a re-executed POST may carry a form too large to read.
    public void OnPost() => Show();

    private void Show()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
    }
}
