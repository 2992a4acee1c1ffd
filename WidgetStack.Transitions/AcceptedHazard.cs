namespace WidgetStack.Transitions;

/// <summary>
/// An unsafe change the program cannot avoid, accepted because it is what the edit means, with
/// what it costs; README.md lists each under "Edits that are not free".
/// </summary>
/// <param name="Kind">The rule it breaks.</param>
/// <param name="Type">The resource type it happens to.</param>
/// <param name="Edit">The edit that causes it.</param>
/// <param name="Reason">Why it is accepted.</param>
/// <param name="Cost">What it costs: downtime, data dropped.</param>
public sealed record AcceptedHazard(HazardKind Kind, string Type, string Edit, string Reason, string Cost);
