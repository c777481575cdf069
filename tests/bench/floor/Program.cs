// The floor of the stack for the benchmark: bare Kestrel answering every request with the cached article's bytes and
// headers, no middleware. What NewsSite's cached page costs beyond this is what our pipeline adds.
var body = File.ReadAllBytes(args[0]);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.Headers.ContentEncoding = "br";
    context.Response.Headers.Vary = "Accept-Encoding";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();
