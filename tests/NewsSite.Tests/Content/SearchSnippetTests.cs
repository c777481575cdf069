using NewsSite.Content;

namespace NewsSite.Tests.Content;

public sealed class SearchSnippetTests
{
    // What a snippet looks like with the markers shown as brackets.
    private static string Shown(string snippet) =>
        snippet.Replace(SearchSnippet.Start, '[').Replace(SearchSnippet.End, ']');

    private static string Snippet(string query, string body, string summary = "", string title = "") =>
        Shown(SearchSnippet.Of(SearchTerms.From(query), title, summary, body));

    [Fact]
    public void A_short_body_shows_whole_with_its_matches_marked() =>
        Assert.Equal("وقع [زلزال] قوي في المدينة، ولا [زلزال] بعده.", Snippet("زلزال", "وقع زلزال قوي في المدينة، ولا زلزال بعده."));

    [Fact]
    public void The_text_shows_as_written_and_matches_as_the_index_folds_it()
    {
        // A reader sees هيئة and الأخبـــار with their hamza, teh marbuta, tashkeel and tatweel, whichever spelling was typed.
        Assert.Equal("أطلقت [هيئةُ] الحكومة الرقمية", Snippet("هيئه", "أطلقت هيئةُ الحكومة الرقمية"));
        Assert.Equal("آخر [الأخبـــار] اليوم", Snippet("الاخبار", "آخر الأخبـــار اليوم"));
        Assert.Equal("[إلى] المدينة [٣] مرات", Snippet("الي 3", "إلى المدينة ٣ مرات"));
    }

    [Fact]
    public void A_long_body_shows_the_words_around_the_match_with_ellipses()
    {
        var before = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"كلمه{i}"));
        var after = string.Join(' ', Enumerable.Range(41, 40).Select(i => $"كلمه{i}"));

        var snippet = Snippet("المرفا", $"{before} انفجار في المرفأ {after}");

        // Three words of context before the match, then the rest of the window.
        Assert.Equal($"…كلمه40 انفجار في [المرفأ] {string.Join(' ', Enumerable.Range(41, 12).Select(i => $"كلمه{i}"))}…", snippet);
        Assert.Equal(SearchSnippet.Length, snippet.Trim('…').Split(' ').Length);
    }

    [Fact]
    public void The_window_holds_the_most_query_words()
    {
        var filler = string.Join(' ', Enumerable.Range(1, 30).Select(i => $"حشو{i}"));

        var snippet = Snippet("اسعار النفط", $"اسعار الذهب {filler} ارتفعت اسعار النفط اليوم {filler}");

        Assert.Contains("[اسعار] [النفط] اليوم", snippet);
        Assert.DoesNotContain("الذهب", snippet);
    }

    [Fact]
    public void The_last_word_matches_as_a_prefix_and_the_others_whole() =>
        Assert.Equal("الانتخابات [البلدية] والبلدية [انتخاب]", Snippet("انتخاب البلد", "الانتخابات البلدية والبلدية انتخاب"));

    [Fact]
    public void The_body_comes_first_then_the_summary_then_the_title()
    {
        Assert.Equal("نص عن [السوق]", Snippet("السوق", "نص عن السوق", summary: "ملخص عن السوق", title: "السوق"));
        Assert.Equal("ملخص عن [السوق]", Snippet("السوق", "نص آخر", summary: "ملخص عن السوق", title: "السوق"));
        Assert.Equal("[السوق] اليوم", Snippet("السوق", "نص آخر", summary: "ملخص آخر", title: "السوق اليوم"));
    }

    [Fact]
    public void Line_breaks_and_runs_of_spaces_become_one_space() =>
        Assert.Equal("الفقرة الأولى. [الثانية] هنا", Snippet("الثانيه", "الفقرة الأولى.\n\nالثانية   هنا"));

    [Fact]
    public void Latin_accents_match_as_the_index_folds_them() =>
        Assert.Equal("Un [Café] à Beyrouth", Snippet("cafe", "Un Café à Beyrouth"));

    [Fact]
    public void Without_a_match_it_shows_the_start_of_the_body_unmarked() =>
        Assert.Equal("بداية النص هنا", Snippet("غائب", "بداية النص هنا"));

    [Fact]
    public void Text_is_encoded_and_only_the_markers_become_mark_tags() =>
        Assert.Equal("&lt;script&gt; <mark>الاخبار</mark> &amp; كل",
            SearchSnippet.ToHtml("<script> \u0002الاخبار\u0003 & كل").Value);

    [Fact]
    public void Unbalanced_markers_never_leave_a_tag_open() =>
        Assert.Equal("a<mark>b</mark>", SearchSnippet.ToHtml("\u0003a\u0002b\u0002").Value);
}
