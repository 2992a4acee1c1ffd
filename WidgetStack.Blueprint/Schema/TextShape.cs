namespace WidgetStack.Blueprint.Schema;

/// <summary>The shape of a text key that the settings reader checks with code of its own.</summary>
/// <param name="Pattern">A regular expression of the whole value, unanchored.</param>
/// <param name="Message">What an editor says of a value that does not match: the problem, and what is allowed.</param>
/// <param name="MaxLength">The longest value, characters; null for no limit beyond the pattern's.</param>
/// <param name="UnquotedDigits">
/// For values that are all digits: YAML reads them unquoted as a number, which the reader takes
/// as its text, so numbers of this many digits are accepted too; null when no value is a number.
/// </param>
internal sealed record TextShape(string Pattern, string Message, int? MaxLength = null, int? UnquotedDigits = null);
