using Spectre.Console;
using Spectre.Console.Rendering;

namespace WidgetStack.Blueprint.Report;

/// <summary>
/// A table laid out for the width it is rendered at: columns at their natural width when they fit,
/// else the widest narrowed first, never below their longest word; when even that is too wide, one
/// record per row (its first cell, then each other cell under its header). No word is ever broken.
/// </summary>
internal sealed class FittedTable(IReadOnlyList<FittedTable.Column> columns, IReadOnlyList<string[]> rows) : IRenderable
{
    /// <summary>A column: its header, whether its cells stay on one line, whether they are right-aligned.</summary>
    public sealed record Column(string Header, bool KeepWhole = false, bool RightAligned = false);

    // Spectre's simple border: one space at each edge plus the cell padding, three between columns.
    private const int EdgeWidth = 2;
    private const int BetweenColumns = 3;

    // Records: the first cell indented this far, the other cells twice as far.
    private const int RecordIndent = 2;

    /// <inheritdoc />
    public Measurement Measure(RenderOptions options, int maxWidth) => Layout(maxWidth).Measure(options, maxWidth);

    /// <inheritdoc />
    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => Layout(maxWidth).Render(options, maxWidth);

    /// <summary>
    /// The width of each column in a table at most <paramref name="width"/> wide, or null when the
    /// columns cannot fit without breaking a word or a cell kept whole.
    /// </summary>
    private int[]? Widths(int width)
    {
        var available = width - (2 * EdgeWidth) - (BetweenColumns * (columns.Count - 1));
        var natural = columns.Select((_, i) => Natural(i)).ToArray();
        if (natural.Sum() <= available)
        {
            return natural;
        }

        var least = columns.Select((_, i) => Least(i)).ToArray();
        if (least.Sum() > available)
        {
            return null;
        }

        // Two ways to narrow the widest columns first: with every header kept on one line, or with
        // each column as wide as its cells (headers wrapping where they are wider) and what is left
        // unwrapping headers from the left. The table with fewer lines wins; headers whole, if equal.
        var headers = columns.Select((_, i) => Math.Max(least[i], LongestLine(columns[i].Header))).ToArray();
        var compact = columns.Select((_, i) => Math.Max(LongestWord(columns[i].Header), Cells(i).Select(LongestLine).DefaultIfEmpty(0).Max())).ToArray();
        for (var i = 0; i < compact.Length && compact.Sum() < available; i++)
        {
            compact[i] = Math.Min(natural[i], compact[i] + (available - compact.Sum()));
        }

        return new[] { Narrowed(natural, headers, available), Narrowed(compact, least, available) }
            .OfType<int[]>()
            .MinBy(Height);
    }

    // The lines the table takes at these widths: its header and each row as tall as its tallest cell.
    private int Height(int[] widths) =>
        new[] { columns.Select(c => c.Header).ToArray() }.Concat(rows)
            .Sum(row => row.Select((cell, i) => WrappedLines(cell, widths[i])).Max());

    // The lines text takes wrapped between words at a width.
    private static int WrappedLines(string text, int width) => text.Split('\n').Sum(line =>
    {
        var (lines, used) = (1, 0);
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            (lines, used) = used == 0 ? (lines, word.Length) : used + 1 + word.Length <= width ? (lines, used + 1 + word.Length) : (lines + 1, word.Length);
        }

        return lines;
    });

    // The widths narrowed to the available width, the widest column that can still wrap first, one
    // character at a time and none below its floor; null where the floors do not fit.
    private static int[]? Narrowed(int[] widths, int[] floors, int available)
    {
        if (floors.Sum() > available)
        {
            return null;
        }

        var narrowed = (int[])widths.Clone();
        for (var excess = narrowed.Sum() - available; excess > 0; excess--)
        {
            var widest = Enumerable.Range(0, narrowed.Length).Where(i => narrowed[i] > floors[i]).MaxBy(i => (narrowed[i], i));
            narrowed[widest]--;
        }

        return narrowed;
    }

    private IRenderable Layout(int maxWidth) => Widths(maxWidth) is { } widths ? Table(widths) : Records(maxWidth);

    private Table Table(int[] widths)
    {
        var table = new Table().Border(TableBorder.Simple);
        for (var i = 0; i < columns.Count; i++)
        {
            table.AddColumn(new TableColumn(new Text(columns[i].Header))
            {
                Width = widths[i],
                NoWrap = columns[i].KeepWhole,
                Alignment = columns[i].RightAligned ? Justify.Right : null,
            });
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        return table;
    }

    private Rows Records(int maxWidth)
    {
        var blocks = new List<IRenderable> { new Text("") };
        foreach (var row in rows)
        {
            blocks.Add(new Padder(new Text(OneLine(row[0])), new Padding(RecordIndent, 0, 0, 0)));
            blocks.Add(columns.Count == 2 ? Indented(row[1], 2 * RecordIndent, maxWidth) : Fields(row, maxWidth));
        }

        blocks.Add(new Text(""));
        return new Rows(blocks);
    }

    // Each other cell under its header: "Header: value", the value's lines one under the other;
    // where a label and the value's longest word do not fit on one line, the label above its value.
    private IRenderable Fields(string[] row, int maxWidth)
    {
        var fields = Enumerable.Range(1, columns.Count - 1)
            .Where(i => row[i].Length > 0)
            .Select(i => (Label: OneLine(columns[i].Header) + ":", Value: row[i]))
            .ToList();
        if (fields.Count == 0)
        {
            return new Rows();
        }

        var labelWidth = fields.Max(f => f.Label.Length);
        var valueWidth = maxWidth - (2 * RecordIndent) - labelWidth - 1;
        if (fields.Any(f => LongestWord(f.Value) > valueWidth))
        {
            return new Rows(fields.SelectMany(f => new IRenderable[]
            {
                new Padder(new Text(f.Label), new Padding(2 * RecordIndent, 0, 0, 0)),
                Indented(f.Value, 3 * RecordIndent, maxWidth),
            }));
        }

        var grid = new Grid();
        grid.AddColumn(new GridColumn { NoWrap = true, Width = labelWidth, Padding = new Padding(2 * RecordIndent, 0, 1, 0) });
        grid.AddColumn(new GridColumn { Padding = new Padding(0, 0, 0, 0) });
        foreach (var (label, value) in fields)
        {
            grid.AddRow(new Text(label), new Text(value));
        }

        return grid;
    }

    // Text indented as far as asked, or two spaces less at a time where its longest word would not fit so.
    private static Padder Indented(string text, int indent, int maxWidth) =>
        new(new Text(text), new Padding(Math.Clamp((maxWidth - LongestWord(text)) / 2 * 2, 0, indent), 0, 0, 0));

    private IEnumerable<string> Cells(int column) => rows.Select(row => row[column]);

    private int Natural(int column) => Cells(column).Append(columns[column].Header).Max(LongestLine);

    private int Least(int column) => Math.Max(
        LongestWord(columns[column].Header),
        Cells(column).Select(columns[column].KeepWhole ? LongestLine : (Func<string, int>)LongestWord).DefaultIfEmpty(0).Max());

    private static int LongestLine(string text) => text.Split('\n').Max(line => line.Length);

    private static int LongestWord(string text) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(word => word.Length).DefaultIfEmpty(0).Max();

    private static string OneLine(string text) => text.Replace('\n', ' ');
}
