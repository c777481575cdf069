namespace NewsSite.Tests;

public sealed class RequestLogTests
{
    [Theory]
    [InlineData("/news/7/%D8%AE%D8%A8%D8%B1-%D8%B9%D8%A7%D8%AC%D9%84", "/news/7/خبر-عاجل")]
    [InlineData("/tag/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF", "/tag/اقتصاد")]
    // A line break, a space, a tab, a NUL and a right-to-left override stay encoded: they could forge or disguise a line.
    [InlineData("/news/1/a%0D%0A%5B12:00:00%20ERR%5D", "/news/1/a%0D%0A[12:00:00%20ERR]")]
    [InlineData("/search/%09%00x", "/search/%09%00x")]
    [InlineData("/news/1/%E2%80%AEtxt.exe", "/news/1/%E2%80%AEtxt.exe")]
    // Bytes that are not UTF-8 are left as they came.
    [InlineData("/news/1/%FF%D8", "/news/1/%FF%D8")]
    public void A_logged_path_reads_as_Arabic_and_keeps_what_could_forge_a_line_encoded(string sent, string logged) =>
        Assert.Equal(logged, RequestLog.ReadablePath(sent));

    [Fact]
    public void A_path_with_nothing_encoded_is_logged_as_it_is()
    {
        const string Path = "/section/sports";
        Assert.Same(Path, RequestLog.ReadablePath(Path));
    }
}
