using NewsSite.Content;

namespace NewsSite.Tests.Content;

public sealed class ArabicNormalizerTests
{
    [Theory]
    [InlineData("كَتَبَ", "كتب")]                 // fatha
    [InlineData("كُتُبٌ", "كتب")]                 // damma, dammatan
    [InlineData("كِتَابًا", "كتابا")]              // kasra, fathatan
    [InlineData("بِكتابٍ", "بكتاب")]              // kasratan
    [InlineData("مُدَرِّسْ", "مدرس")]              // shadda, sukun
    [InlineData("رحمٰن", "رحمن")]                 // superscript alef U+0670
    [InlineData("الاخبـــار", "الاخبار")]          // tatweel
    [InlineData("أحمد", "احمد")]
    [InlineData("إسلام", "اسلام")]
    [InlineData("آمال", "امال")]
    [InlineData("ٱلكتاب", "الكتاب")]              // alef wasla
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مؤتمر", "موتمر")]
    [InlineData("رئيس", "رييس")]
    [InlineData("٢٠٢٥", "2025")]                  // Arabic-Indic digits
    [InlineData("۱۹۹۰", "1990")]                  // Eastern Arabic-Indic digits
    [InlineData("BBC News", "bbc news")]
    [InlineData("  خبر \t\n عاجل  ", "خبر عاجل")]
    [InlineData("", "")]
    public void Each_rule_folds_to_one_spelling(string text, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(text));

    private static readonly string[] Spellings = ["الأخبار", "الاخبار", "الأخْبار", "الاخبـــار", "الأَخْبَارُ"];

    [Fact]
    public void Hamza_tashkeel_and_tatweel_variants_of_one_word_are_equal() =>
        Assert.Equal(["الاخبار"], Spellings.Select(ArabicNormalizer.Normalize).Distinct());

    [Fact]
    public void Half_a_surrogate_pair_becomes_a_replacement_character_instead_of_throwing()
    {
        Assert.Equal("a\uFFFDb\uFFFD", ArabicNormalizer.Normalize("a\uD800b\uDC00"));
        Assert.Equal("😀", ArabicNormalizer.Normalize("😀"));
    }

    [Fact]
    public void Control_characters_are_dropped_so_they_cannot_pose_as_snippet_markers() =>
        Assert.Equal("ab", ArabicNormalizer.Normalize("a\u0002b\u0003"));
}

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("\"", new string[0])]
    [InlineData("*", new string[0])]
    [InlineData("NEAR(", new[] { "near" })]
    [InlineData("'; DROP TABLE Articles; --", new[] { "drop", "table", "articles" })]
    [InlineData("title:الأخبار OR -خبر", new[] { "title", "الاخبار", "or", "خبر" })]
    [InlineData("(مؤتمر) AND \"القمة\"*", new[] { "موتمر", "and", "القمه" })]
    public void Query_syntax_is_reduced_to_plain_normalized_words(string query, string[] expected) =>
        Assert.Equal(expected, SearchTerms.From(query));

    [Fact]
    public void Long_queries_are_capped_in_length_and_words()
    {
        Assert.Equal(SearchTerms.MaxQueryLength, SearchTerms.Cap(new string('ق', 5000)).Length);
        Assert.Equal(SearchTerms.MaxWords, SearchTerms.From(string.Join(' ', Enumerable.Repeat("خبر", 50))).Count);
        // The cut never leaves half of a surrogate pair behind.
        var emoji = new string('a', SearchTerms.MaxQueryLength - 1) + "😀";
        Assert.False(char.IsHighSurrogate(SearchTerms.Cap(emoji)[^1]));
    }

    [Fact]
    public void Only_the_last_word_is_a_prefix_and_every_word_is_quoted() =>
        Assert.Equal("\"مهرجان\" \"الكت\"*", NewsSite.Data.SqliteSearchIndex.MatchExpression(SearchTerms.From("مهرجان الكت")));

    [Fact]
    public void On_postgres_words_are_anded_and_only_the_last_is_a_prefix() =>
        Assert.Equal("مهرجان & الكت:*", NewsSite.Data.PostgresSearchIndex.TsQuery(SearchTerms.From("مهرجان الكت")));

    [Fact]
    public void Tsquery_syntax_in_a_query_never_reaches_postgres() =>
        Assert.Equal("a & b & c & d", NewsSite.Data.PostgresSearchIndex.TsQuery(SearchTerms.From("a:* & !b | (c <-> d')")));
}
