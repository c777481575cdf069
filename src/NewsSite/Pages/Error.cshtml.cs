namespace NewsSite.Pages;

/// <summary>The Arabic 500 page: no exception details, only a way back.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string RequestId => HttpContext.TraceIdentifier;

    public void OnGet() => Response.StatusCode = StatusCodes.Status500InternalServerError;

    public void OnPost() => OnGet();
}
