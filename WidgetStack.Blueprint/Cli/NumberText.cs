using System.Globalization;
namespace WidgetStack.Blueprint.Cli;

/// <summary>
/// A number as the command line takes it: digits with an optional sign and at most one decimal
/// point, read the same in every locale. What else a user may type (a decimal comma, thousands
/// separators, an exponent) is refused with the number as it should be written.
/// </summary>
internal static class NumberText
{
    private const NumberStyles Plain =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>
    /// Reads <paramref name="text"/> into <paramref name="value"/>; returns null when it is a plain
    /// number, else what is wrong with it (e.g. "'0,2' has a decimal comma; use a decimal point: 0.2").
    /// </summary>
    public static string? Read(string text, out decimal value)
    {
        if (decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }

        if (text.Trim().Length == 0)
        {
            return "needs a value";
        }

        var commas = text.Count(c => c == ',');
        var pointed = text.Trim().Replace(',', '.');
        if (commas == 1 && decimal.TryParse(pointed, Plain, CultureInfo.InvariantCulture, out _))
        {
            return $"'{text}' has a decimal comma; use a decimal point: {pointed}";
        }

        var joined = text.Trim().Replace(",", "", StringComparison.Ordinal);
        if (commas > 1 && decimal.TryParse(joined, Plain, CultureInfo.InvariantCulture, out _))
        {
            return $"'{text}' has thousands separators; write it without them: {joined}";
        }

        if (decimal.TryParse(text, Plain | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var written))
        {
            return $"'{text}' has an exponent; write the number out: {written.ToString(CultureInfo.InvariantCulture)}";
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var huge) && double.IsFinite(huge)
            ? $"'{text}' is out of range"
            : $"'{text}' is not a number";
    }
}
