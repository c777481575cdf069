using NewsSite.Content;

namespace NewsSite.Tests.Content;

public sealed class CsvTests
{
    [Theory]
    [InlineData("بنك الواحة", "بنك الواحة")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("12.5%", "12.5%")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("قال \"مرحبًا\"", "\"قال \"\"مرحبًا\"\"\"")]
    [InlineData("سطر\r\nثانٍ", "\"سطر\r\nثانٍ\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+966500000000", "'+966500000000")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Fields_are_quoted_as_rfc_4180_says_and_never_start_a_formula(string? value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public void A_line_joins_fields_with_commas_and_ends_with_crlf() =>
        Assert.Equal("a,\"b,c\",'=d\r\n", Csv.Line(["a", "b,c", "=d"]));
}
