namespace WidgetStack.Blueprint.Tests;

/// <summary>One keyword of the stack file schema that a stack file fails.</summary>
/// <param name="Location">Where in the file, as a JSON pointer, e.g. <c>/config/widget:replicas</c>.</param>
/// <param name="Keyword">The failing keyword, e.g. <c>minimum</c>.</param>
/// <param name="Message">What the validator says.</param>
internal sealed record SchemaError(string Location, string Keyword, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Location} {Keyword}: {Message}";
}
