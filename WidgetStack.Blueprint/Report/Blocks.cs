using Spectre.Console;
using Spectre.Console.Rendering;

namespace WidgetStack.Blueprint.Report;

/// <summary>The two shapes the text blueprint is made of: a line and a table, both laid out for the width they are rendered at.</summary>
internal static class Blocks
{
    /// <summary>
    /// A line of text, wrapped between words. Leading spaces indent it, and a leading "- " after
    /// them makes it a list item: its wrapped lines start under its text.
    /// </summary>
    public static IRenderable Line(string text)
    {
        var body = text.TrimStart(' ');
        var indent = text.Length - body.Length;
        if (indent == 0)
        {
            return new Text(text + Environment.NewLine);
        }

        var bullet = body.StartsWith("- ", StringComparison.Ordinal) ? "- " : "";
        return Hanging(indent, bullet, body[bullet.Length..]);
    }

    /// <summary>
    /// A table whose columns fit the width it is rendered at, wrapped between words. Cells of the
    /// columns in <paramref name="keepWhole"/> (figures, ARNs) never wrap; where the columns cannot
    /// fit side by side without breaking a word, each row is shown as a record instead.
    /// </summary>
    public static IRenderable Table(string[] headers, IEnumerable<string[]> rows, int[]? keepWhole = null, int? rightAlignedColumn = null) =>
        new FittedTable(
            [.. headers.Select((header, index) => new FittedTable.Column(header, keepWhole?.Contains(index) ?? false, index == rightAlignedColumn))],
            [.. rows]);

    /// <summary><paramref name="text"/> after <paramref name="indent"/> spaces and <paramref name="label"/>; its wrapped lines start under its first word.</summary>
    internal static IRenderable Hanging(int indent, string label, string text)
    {
        if (label.Length == 0)
        {
            return new Padder(new Text(text), new Padding(indent, 0, 0, 0));
        }

        var grid = new Grid();
        grid.AddColumn(new GridColumn { NoWrap = true, Padding = new Padding(indent, 0, 0, 0), Width = label.Length });
        grid.AddColumn(new GridColumn { Padding = new Padding(0, 0, 0, 0) });
        grid.AddRow(new Text(label), new Text(text));
        return grid;
    }
}
