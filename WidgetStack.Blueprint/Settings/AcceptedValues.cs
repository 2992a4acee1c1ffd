namespace WidgetStack.Blueprint.Settings;

/// <summary>
/// What the settings reader accepts for the keys it checks with a range or a fixed set of words,
/// as it checked them: the stack file schema states exactly these bounds.
/// </summary>
/// <param name="Ranges">Whole-number keys (without namespace) and their inclusive ranges.</param>
/// <param name="Choices">Keys that take one of a fixed set of words, and the words.</param>
internal sealed record AcceptedValues(
    IReadOnlyDictionary<string, IntRange> Ranges,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Choices);
