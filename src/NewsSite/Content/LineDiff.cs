using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace NewsSite.Content;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>One line of a comparison: kept, added by the newer text, or removed from the older one.</summary>
public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// Line-by-line comparison of two texts (titles, summaries, Markdown bodies) for the revision history.
/// Wraps DiffPlex so pages see three plain kinds of line and never the library's model.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string? older, string? newer)
    {
        older = Normalize(older);
        newer = Normalize(newer);
        if (older.Length == 0 && newer.Length == 0)
        {
            return [];
        }
        var model = InlineDiffBuilder.Diff(older, newer, ignoreWhiteSpace: false, ignoreCase: false);
        return [.. model.Lines
            .Where(line => line.Type is ChangeType.Unchanged or ChangeType.Inserted or ChangeType.Deleted)
            .Select(line => new DiffLine(KindOf(line.Type), line.Text ?? ""))];
    }

    public static bool HasChanges(IReadOnlyList<DiffLine> lines) => lines.Any(l => l.Kind != DiffKind.Same);

    private static DiffKind KindOf(ChangeType type) => type switch
    {
        ChangeType.Inserted => DiffKind.Added,
        ChangeType.Deleted => DiffKind.Removed,
        _ => DiffKind.Same,
    };

    // Browsers post CRLF and stored text may end in a newline: neither should show up as a changed line.
    private static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n');
}
