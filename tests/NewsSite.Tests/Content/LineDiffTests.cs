using NewsSite.Content;

namespace NewsSite.Tests.Content;

public sealed class LineDiffTests
{
    private static string Show(IReadOnlyList<DiffLine> lines) =>
        string.Join("|", lines.Select(l => l.Kind switch
        {
            DiffKind.Added => "+" + l.Text,
            DiffKind.Removed => "-" + l.Text,
            _ => " " + l.Text,
        }));

    [Fact]
    public void Equal_texts_are_all_same_lines()
    {
        var lines = LineDiff.Compare("سطر أول\nسطر ثان", "سطر أول\nسطر ثان");

        Assert.Equal(" سطر أول| سطر ثان", Show(lines));
        Assert.False(LineDiff.HasChanges(lines));
    }

    [Fact]
    public void A_changed_line_is_removed_then_added_and_the_rest_kept()
    {
        var lines = LineDiff.Compare("أ\nب\nج", "أ\nب معدل\nج");

        Assert.Equal(" أ|-ب|+ب معدل| ج", Show(lines));
        Assert.True(LineDiff.HasChanges(lines));
    }

    [Fact]
    public void Inserted_and_deleted_lines_keep_the_common_subsequence()
    {
        var lines = LineDiff.Compare("1\n2\n3\n4", "0\n1\n3\n4\n5");

        Assert.Equal("+0| 1|-2| 3| 4|+5", Show(lines));
    }

    [Fact]
    public void Empty_older_text_is_all_additions_and_empty_newer_all_removals()
    {
        Assert.Equal("+أ|+ب", Show(LineDiff.Compare("", "أ\nب")));
        Assert.Equal("-أ|-ب", Show(LineDiff.Compare("أ\nب", null)));
        Assert.Empty(LineDiff.Compare(null, ""));
    }

    [Fact]
    public void Line_endings_and_a_final_newline_are_not_changes()
    {
        var lines = LineDiff.Compare("أ\r\nب\r\n", "أ\nب");

        Assert.False(LineDiff.HasChanges(lines));
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void Blank_lines_between_paragraphs_are_kept_as_lines()
    {
        var lines = LineDiff.Compare("فقرة.\n\nفقرة ثانية.", "فقرة.\n\nفقرة ثالثة.");

        Assert.Equal(" فقرة.| |-فقرة ثانية.|+فقرة ثالثة.", Show(lines));
    }
}
