using System.Text.RegularExpressions;

namespace WidgetStack.Blueprint.Tests;

/// <summary>Finds a row of a printed table: its cells in order, on one line, separated by spaces.</summary>
internal static class TableRow
{
    /// <summary>A pattern that matches a line holding <paramref name="cells"/> in order.</summary>
    public static Regex Of(params string[] cells) =>
        new($"^\\s*{Cells(cells)}\\s*$", RegexOptions.Multiline);

    /// <summary>A pattern that matches <paramref name="cells"/> in order, anywhere on a line.</summary>
    public static Regex Containing(params string[] cells) => new(Cells(cells));

    private static string Cells(string[] cells) => string.Join("[ ]+", cells.Select(Regex.Escape));
}
