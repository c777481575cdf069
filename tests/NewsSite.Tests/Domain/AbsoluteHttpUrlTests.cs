using NewsSite.Domain;

namespace NewsSite.Tests.Domain;

public sealed class AbsoluteHttpUrlTests
{
    [Theory]
    [InlineData("https://x.com/news")]
    [InlineData("http://example.com")]
    [InlineData("https://t.me/channel?start=1#top")]
    [InlineData("HTTPS://WA.ME/96550000000")]
    [InlineData("https://موقع.example/صفحة")]
    public void Absolute_http_and_https_links_are_accepted(string url) => Assert.True(AbsoluteHttpUrl.IsValid(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("jav\tascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("ftp://files.example/")]
    [InlineData("mailto:news@example.com")]
    [InlineData("//evil.example/")]
    [InlineData("/local/path")]
    [InlineData("example.com")]
    [InlineData("https://exa mple.com")]
    [InlineData("https:///path-only")]
    public void Anything_else_is_refused(string? url) => Assert.False(AbsoluteHttpUrl.IsValid(url));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/about/team", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("about", false)]
    [InlineData("/a b", false)]
    public void Local_paths_stay_on_this_site(string path, bool expected) => Assert.Equal(expected, AbsoluteHttpUrl.IsLocalPath(path));

    [Fact]
    public void The_attribute_allows_empty_trims_spaces_and_speaks_arabic()
    {
        var links = new AbsoluteHttpUrlAttribute();
        var credit = new AbsoluteHttpUrlAttribute { AllowLocalPath = true };

        Assert.True(links.IsValid(null));
        Assert.True(links.IsValid("  "));
        Assert.True(links.IsValid("  https://x.com/a  "));
        Assert.False(links.IsValid("/"));
        Assert.True(credit.IsValid("/"));
        Assert.False(credit.IsValid("javascript:alert(1)"));
        Assert.Contains("رابطًا كاملًا", links.FormatErrorMessage("فيسبوك"));
        Assert.Contains("مسارًا في الموقع", credit.FormatErrorMessage("الرابط"));
    }
}
