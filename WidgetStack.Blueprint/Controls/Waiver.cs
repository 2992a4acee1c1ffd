namespace WidgetStack.Blueprint.Controls;

/// <summary>A control a stack knowingly does not meet, because of one of its settings, and why.</summary>
/// <param name="ControlId">The control, e.g. <c>ELB.5</c>.</param>
/// <param name="Setting">The setting that causes it, as the stack sets it, e.g. <c>widget:accessLogs = false</c>.</param>
/// <param name="Reason">Why, in a sentence ops can judge.</param>
public sealed record Waiver(string ControlId, string Setting, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Setting}: {Reason}";
}
