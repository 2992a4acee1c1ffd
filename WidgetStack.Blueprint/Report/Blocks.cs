using Spectre.Console;
using Spectre.Console.Rendering;

namespace WidgetStack.Blueprint.Report;

/// <summary>The two shapes the text blueprint is made of: a line and a table.</summary>
internal static class Blocks
{
    /// <summary>A line of text.</summary>
    public static Text Line(string text) => new(text + Environment.NewLine);

    /// <summary>A table; <paramref name="noWrapColumn"/>, if given, is kept on one line (ARNs must not break).</summary>
    public static Table Table(string[] headers, IEnumerable<string[]> rows, int? noWrapColumn = null, int? rightAlignedColumn = null)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var (header, index) in headers.Select((header, index) => (header, index)))
        {
            table.AddColumn(new TableColumn(new Text(header))
            {
                NoWrap = index == noWrapColumn,
                Alignment = index == rightAlignedColumn ? Justify.Right : null,
            });
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        return table;
    }
}
