using Microsoft.AspNetCore.Mvc.Filters;

namespace NewsSite.Data;

/// <summary>
/// A reader page's queries share one connection. Left to itself EF opens and closes the connection around each query,
/// and on SQLite every opening registers EF's SQL functions with the connection again: an uncached article (three
/// queries) spent ~7% of its CPU there. The connection goes back to the pool when the handler is done.
/// </summary>
public sealed class OneConnectionPerPage : IAsyncPageFilter
{
    public static readonly OneConnectionPerPage Filter = new();

    private OneConnectionPerPage()
    {
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var database = context.HttpContext.RequestServices.GetRequiredService<NewsDbContext>().Database;
        await database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        try
        {
            await next();
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
