using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsSite.Tests.Hostile;

/// <summary>
/// The hostile-input corpus: what an attacker types into every field and URL. Script payloads call
/// <c>alert</c> or carry the marker <see cref="Marker"/>, so a page that let one through shows it as an element or attribute.
/// </summary>
internal static class Payloads
{
    public const string Marker = "hostile-marker";

    /// <summary>Markup and script in many shapes.</summary>
    public static readonly string[] Markup =
    [
        "<script>alert(1)</script>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "\"><img src=x onerror=alert(1)>",
        "'><img src=x onerror=alert(1)>",
        "</textarea><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<hostile-marker>x</hostile-marker>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<base href=\"//evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "{{constructor.constructor('alert(1)')()}}",
        "@(1+1) @Html.Raw(\"<b>\") ${7*7} <%= 7*7 %>",
        "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z]( javascript:alert(1))",
        "[x](jav&#x09;ascript:alert(1)) [y](&#106;avascript:alert(1)) [z](java\tscript:alert(1))",
        "![x](javascript:alert(1)) ![y](https://evil.example/x.png) <https://evil.example/\"onmouseover=alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "\" onmouseover=\"alert(1)\" x=\"",
        "' onfocus='alert(1)' autofocus x='",
        "javascript:alert(1)",
        " \u0001javascript:alert(1)",
    ];

    /// <summary>SQL, full-text search syntax and path tricks.</summary>
    public static readonly string[] Syntax =
    [
        "' OR '1'='1",
        "'; DROP TABLE Articles; --",
        "1 UNION SELECT * FROM AspNetUsers --",
        "\" OR \"\"=\"",
        "NEAR(a b) OR x* AND NOT \"",
        "\"unbalanced",
        "title:x* ^ - + ( ) { } : *",
        "%' ESCAPE '\\",
        "../../../../etc/passwd",
        "..\\..\\web.config",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "....//....//etc/passwd",
    ];

    /// <summary>Characters that break naive handling: controls, bidi overrides, lone surrogates, nulls.</summary>
    public static readonly string[] Characters =
    [
        "\u0000null\u0000",
        "\u0007\u0008\u001B[31mred",
        "abc\u202Edcba",
        "\u200F\u200E\u2066\u2069\uFEFF",
        "\uD800 lone high",
        "lone low \uDC00",
        "\r\nSet-Cookie: x=1",
        new string('ب', 5000),
    ];

    public static IEnumerable<string> All => Markup.Concat(Syntax).Concat(Characters);

    /// <summary>A 1 MB field.</summary>
    public static string Megabyte => new('x', 1024 * 1024);

    /// <summary>Percent-encoded URL segments that are not valid UTF-8, or decode to traversal and nulls.</summary>
    public static readonly string[] RawUrlSegments =
    [
        "%C3%28", "%FF%FE", "%ED%A0%80", "%00", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2f..%2fappsettings.json",
        "%252e%252e%252f", "%E2%80%AE", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ];

    public static TheoryData<string> AllData() => [.. All];

    /// <summary>For the URL: lone surrogates cannot be percent-encoded, so they are replaced as a browser would.</summary>
    public static string ForUrl(string payload) => Uri.EscapeDataString(
        string.Concat(payload.EnumerateRunes().Select(r => r.ToString())));

    /// <summary>
    /// A NUL in the path never reaches the app: Kestrel answers 400 itself, and the test server refuses to send it.
    /// NULs in query strings and form fields are still sent.
    /// </summary>
    public static bool HasNullInPath(string url) => url.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    /// <summary>No server error, and nothing from a payload became markup: no script, handler, frame or javascript: URL.</summary>
    public static async Task<IHtmlDocument> AssertSafeAsync(HttpResponseMessage response, string what)
    {
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        AssertNoMarkupFromPayload(page, what);
        return page;
    }

    public static void AssertNoMarkupFromPayload(IHtmlDocument page, string what)
    {
        foreach (var element in page.All)
        {
            Assert.False(element.LocalName is Marker or "iframe" or "object" or "embed" or "base" or "mglyph" or "style",
                $"{what}: <{element.LocalName}> in the page");
            Assert.False(element.LocalName == "meta" && element.HasAttribute("http-equiv"), $"{what}: meta refresh");
            Assert.False(element.LocalName == "img" && element.GetAttribute("src") == "x", $"{what}: <img src=x>");
            if (element.LocalName == "script")
            {
                Assert.True(element.GetAttribute("type") == "application/ld+json"
                    || element.GetAttribute("src") is { } src && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal),
                    $"{what}: a script that is not ours");
            }
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{what}: {attribute.Name}= on <{element.LocalName}>");
                Assert.False(attribute.Name is "style", $"{what}: {attribute.Name}= on <{element.LocalName}>");
                if (attribute.Name is "href" or "src" or "action" or "formaction" && IsScriptUrl(attribute.Value))
                {
                    Assert.Fail($"{what}: {attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
                }
            }
        }
    }

    // A browser ignores whitespace and control characters inside the scheme, and decodes entities before it looks.
    private static bool IsScriptUrl(string value)
    {
        var squeezed = new string(WebUtility.HtmlDecode(value).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        return squeezed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
               || squeezed.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase)
               || squeezed.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase);
    }

}
