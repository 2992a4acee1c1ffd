namespace WidgetStack.Transitions;

/// <summary>What <c>pulumi up</c> does to one resource.</summary>
public enum ChangeKind
{
    /// <summary>Makes it.</summary>
    Create,

    /// <summary>Changes it in place.</summary>
    Update,

    /// <summary>Makes a new one, then deletes the old (or the reverse, with deleteBeforeReplace).</summary>
    Replace,

    /// <summary>Deletes it (or lets it go from the stack, where it is retained).</summary>
    Delete,
}

/// <summary>Why a change is unsafe on a running stack.</summary>
public enum HazardKind
{
    /// <summary>A replacement whose fixed AWS name clashes with the old one, or takes it over and loses it.</summary>
    FixedNameReplaced,

    /// <summary>Deletes or replaces what holds data or a name people use.</summary>
    DataLost,

    /// <summary>Sends traffic to a target group no task is registered in yet.</summary>
    TrafficToEmptyGroup,
}

/// <summary>One reason a change is unsafe.</summary>
/// <param name="Kind">Which rule it breaks.</param>
/// <param name="Message">What happens, in words.</param>
public sealed record Hazard(HazardKind Kind, string Message);

/// <summary>What <c>pulumi up</c> does to one resource, and what makes it unsafe.</summary>
/// <param name="Type">Type token.</param>
/// <param name="Name">Logical name.</param>
/// <param name="Kind">Create, update, replace or delete.</param>
/// <param name="ChangedInputs">Input paths that differ (after Pulumi's ignoreChanges).</param>
/// <param name="ReplacingInputs">Those of them that force a replacement.</param>
/// <param name="Hazards">What makes the change unsafe; empty when it is safe.</param>
public sealed record ResourceChange(string Type, string Name, ChangeKind Kind, IReadOnlyList<string> ChangedInputs, IReadOnlyList<string> ReplacingInputs, IReadOnlyList<Hazard> Hazards)
{
    /// <summary>The type's short name and the logical name, e.g. <c>TargetGroup widget-tasks</c>.</summary>
    public string Label => $"{Type[(Type.LastIndexOf(':') + 1)..]} {Name}";
}
