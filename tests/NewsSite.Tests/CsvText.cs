using System.Text;

namespace NewsSite.Tests;

/// <summary>A strict RFC 4180 reader for checking downloads, written apart from the app's writer so each checks the other.</summary>
public static class CsvText
{
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static List<string[]> Parse(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Bom), "the file starts with a UTF-8 byte order mark");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, Bom.Length, bytes.Length - Bom.Length);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "a quoted field is closed");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
                Assert.True(i == text.Length || text[i] is ',' or '\r', "a closing quote ends the field");
            }
            else if (text[i] == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', "lines end with CRLF");
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i += 2;
            }
            else
            {
                Assert.NotEqual('"', text[i]);
                Assert.NotEqual('\n', text[i]);
                field.Append(text[i++]);
            }
        }
        Assert.True(row.Count == 0 && field.Length == 0, "the last line ends with CRLF");
        return rows;
    }
}
