using System.Globalization;

namespace WidgetStack.Blueprint.Cli;

/// <summary>
/// Where the blueprint is printed, as far as its width goes: the console's width when a terminal is
/// attached, else the <c>COLUMNS</c> environment variable when it is set, else
/// <see cref="DefaultWidth"/> (output piped to a file or another program).
/// </summary>
/// <param name="ConsoleWidth">The attached terminal's width in characters, or null when output is redirected.</param>
/// <param name="Columns">The value of <c>COLUMNS</c>, or null when it is not set.</param>
internal sealed record Terminal(int? ConsoleWidth, string? Columns)
{
    /// <summary>The width text is laid out for when no terminal is attached and <c>COLUMNS</c> is not set.</summary>
    public const int DefaultWidth = Report.TextReport.DefaultWidth;

    /// <summary>The narrowest width text is laid out for: a narrower terminal gets lines of this width.</summary>
    public const int NarrowestWidth = 60;

    /// <summary>The program's own terminal: standard output's console, and the environment's <c>COLUMNS</c>.</summary>
    public static Terminal Current => new(AttachedWidth(), Environment.GetEnvironmentVariable("COLUMNS"));

    /// <summary>The width in characters the text blueprint and help are laid out for.</summary>
    public int Width => Math.Max(NarrowestWidth, ConsoleWidth is > 0 and var attached ? attached : ColumnsWidth ?? DefaultWidth);

    private int? ColumnsWidth =>
        int.TryParse(Columns, NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0 ? columns : null;

    private static int? AttachedWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return null;
        }
    }
}
