namespace WidgetStack.Blueprint.Tests;

/// <summary>What the stack file schema says of one stack file, as an editor would show it.</summary>
/// <param name="IsValid">Whether the file passes.</param>
/// <param name="Errors">Every failing keyword that makes it fail (none from alternatives that passed).</param>
internal sealed record SchemaVerdict(bool IsValid, IReadOnlyList<SchemaError> Errors)
{
    /// <summary>
    /// Whether the schema faults the config key <paramref name="key"/>: its value, or its absence
    /// where it is required.
    /// </summary>
    public bool Blames(string key) => Errors.Any(e =>
        e.Location == $"/config/{key}"
        || e.Location.StartsWith($"/config/{key}/", StringComparison.Ordinal)
        || (e.Location == "/config" && e.Keyword == "required" && e.Message.Contains($"\"{key}\"", StringComparison.Ordinal)));

    /// <inheritdoc/>
    public override string ToString() => IsValid ? "valid" : "invalid: " + string.Join("; ", Errors);
}
