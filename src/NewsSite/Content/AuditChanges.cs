using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NewsSite.Content;

/// <summary>
/// "What changed" for an audit entry's details, one field at a time: <c>اسم الموقع: من «أ» إلى «ب»</c>.
/// Only fields whose value differs are listed; callers never pass secrets.
/// </summary>
public sealed class AuditChanges
{
    private readonly StringBuilder _text = new();

    public bool Any => _text.Length > 0;

    public AuditChanges Add(string label, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            Append($"{label}: من «{Show(before)}» إلى «{Show(after)}»");
        }
        return this;
    }

    /// <summary>Notes the change and returns <paramref name="after"/>, to assign a field and audit it in one line.</summary>
    [return: NotNullIfNotNull(nameof(after))]
    public string? Track(string label, string? before, string? after)
    {
        Add(label, before, after);
        return after;
    }

    /// <summary>A change with no before/after worth showing (an uploaded file, a reset key).</summary>
    public AuditChanges Note(string text)
    {
        Append(text);
        return this;
    }

    public override string ToString() => _text.ToString();

    private void Append(string line)
    {
        if (_text.Length > 0)
        {
            _text.Append("؛ ");
        }
        _text.Append(line);
    }

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "—" : value;
}
