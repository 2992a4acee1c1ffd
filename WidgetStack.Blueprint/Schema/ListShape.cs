using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Schema;

/// <summary>The shape of a list key that the settings reader checks with code of its own.</summary>
/// <param name="ItemPattern">A regular expression of each item, unanchored.</param>
/// <param name="ItemMessage">What an editor says of an item that does not match: the problem, and what is allowed.</param>
/// <param name="Length">Allowed numbers of items, or null for any.</param>
/// <param name="Unique">Whether an item may appear only once.</param>
internal sealed record ListShape(string ItemPattern, string ItemMessage, IntRange? Length, bool Unique);
