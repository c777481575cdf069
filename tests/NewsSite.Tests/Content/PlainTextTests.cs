using NewsSite.Content;

namespace NewsSite.Tests.Content;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("\u0000null\u0000", "null")]
    [InlineData("\u0007\u0008\u001B[31mred", "[31mred")]
    [InlineData("a\u007F\u0085\u009Fb", "ab")]
    [InlineData("a\uFDD0b\uFFFEc\uFFFF", "abc")]
    [InlineData("\uD83F\uDFFE", "")]
    [InlineData("سطر\r\nسطر\rسطر\n\nسطر", "سطر\nسطر\nسطر\n\nسطر")]
    public void Drops_what_html_may_not_carry(string text, string expected) => Assert.Equal(expected, PlainText.Clean(text));

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character() =>
        // Built here: xUnit cannot carry a lone surrogate in test data.
        Assert.Equal("\uFFFD lone high, lone low \uFFFD", PlainText.Clean(new string('\uD800', 1) + " lone high, lone low " + '\uDC00'));

    [Theory]
    [InlineData("خبرٌ عاجل: الـمدينة")]
    [InlineData("سطر\nسطر\tعمود")]
    [InlineData("abc\u202Edcba \u200F\u200E\u2066\u2069\uFEFF ﻻ 😀")]
    public void Keeps_text_tabs_bidi_marks_and_emoji(string text) => Assert.Equal(text, PlainText.Clean(text));
}
