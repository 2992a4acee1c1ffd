namespace WidgetStack.Blueprint.Controls;

/// <summary>A control a stack knowingly does not meet, and why.</summary>
/// <param name="Stack">The stack, e.g. <c>dev</c>.</param>
/// <param name="ControlId">The control, e.g. <c>ELB.5</c>.</param>
/// <param name="Reason">Why, in a sentence ops can judge.</param>
public sealed record Waiver(string Stack, string ControlId, string Reason);
