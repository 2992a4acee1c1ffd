namespace WidgetStack.Blueprint.Diff;

/// <summary>One setting or design element that two stacks hold differently.</summary>
/// <param name="Name">The setting's key or the element's path.</param>
/// <param name="Before">Its value in the first stack, or null when it has none.</param>
/// <param name="After">Its value in the second stack, or null when it has none.</param>
public sealed record Difference(string Name, string? Before, string? After)
{
    /// <summary>The differences between two flat views, in name order.</summary>
    public static IReadOnlyList<Difference> Between(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys)
            .Order(StringComparer.Ordinal)
            .Select(name => new Difference(name, before.GetValueOrDefault(name), after.GetValueOrDefault(name)))
            .Where(d => d.Before != d.After)];
}
