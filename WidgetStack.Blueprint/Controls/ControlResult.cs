namespace WidgetStack.Blueprint.Controls;

/// <summary>A control's status on one stack, with the resources that break it and any waiver.</summary>
/// <param name="Control">The control.</param>
/// <param name="Status">Pass, fail, waived or not applicable.</param>
/// <param name="Offenders">Logical names of the resources that break it.</param>
/// <param name="Waiver">The waiver that covers it, if any.</param>
public sealed record ControlResult(Control Control, ControlStatus Status, IReadOnlyList<string> Offenders, Waiver? Waiver);
