namespace WidgetStack.Blueprint.Controls;

/// <summary>What a control concluded about a stack.</summary>
public enum ControlStatus
{
    /// <summary>Every resource it reads meets it.</summary>
    Pass,

    /// <summary>A resource breaks it and no waiver covers the stack.</summary>
    Fail,

    /// <summary>A resource breaks it, for a reason the waivers file gives.</summary>
    Waived,

    /// <summary>The stack registers none of the resources it reads.</summary>
    NotApplicable,
}
