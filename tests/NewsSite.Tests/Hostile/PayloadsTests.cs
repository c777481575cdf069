using AngleSharp.Html.Parser;

namespace NewsSite.Tests.Hostile;

/// <summary>The corpus's own check must catch what it is looking for, or every hostile test passes for nothing.</summary>
public sealed class PayloadsTests
{
    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<a href=\" jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("<hostile-marker>x</hostile-marker>")]
    [InlineData("<iframe src=\"/\"></iframe>")]
    [InlineData("<p style=\"color:red\">x</p>")]
    public void The_check_catches_injected_markup(string html)
    {
        var page = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Payloads.AssertNoMarkupFromPayload(page, "sample"));
    }

    [Fact]
    public void The_check_passes_escaped_text_and_our_own_scripts()
    {
        var page = new HtmlParser().ParseDocument(
            "<!DOCTYPE html><html><head><script src=\"/js/clock.js\"></script><script type=\"application/ld+json\">{}</script></head>"
            + "<body><p>&lt;img src=x onerror=alert(1)&gt;</p><a href=\"/search?q=javascript:alert(1)\">x</a></body></html>");

        Payloads.AssertNoMarkupFromPayload(page, "sample");
    }
}
