namespace WidgetStack.Blueprint.Controls;

/// <summary>Runs the catalogue over what one stack registers, and applies the waivers its settings grant.</summary>
public static class ControlEvaluator
{
    /// <summary>
    /// The status of every control of the catalogue on a stack's resources, under the waivers its
    /// settings grant (<see cref="Waivers.For(Settings.WidgetSettings)"/>).
    /// </summary>
    public static IReadOnlyList<ControlResult> Evaluate(IReadOnlyList<Waiver> waivers, IReadOnlyList<RegisteredResource> resources) =>
    [
        .. ControlCatalogue.All.Select(control =>
        {
            var verdict = control.Decide(resources);
            var waiver = waivers.FirstOrDefault(w => w.ControlId == control.Id);
            var status = !verdict.Applies ? ControlStatus.NotApplicable
                : verdict.Offenders.Count == 0 ? ControlStatus.Pass
                : waiver is not null ? ControlStatus.Waived
                : ControlStatus.Fail;
            return new ControlResult(control, status, verdict.Offenders, status == ControlStatus.Waived ? waiver : null);
        }),
    ];

    /// <summary>One line per control, then "N of M applicable controls pass": what a test prints.</summary>
    public static string Describe(string stack, IReadOnlyList<ControlResult> results)
    {
        var applicable = results.Count(r => r.Status != ControlStatus.NotApplicable);
        var lines = results.Select(r => $"{r.Control.Id,-14} {r.Status,-13} {r.Control.Title}"
            + (r.Offenders.Count > 0 ? $" [{string.Join(", ", r.Offenders)}]" : "")
            + (r.Waiver is { } w ? $" (waived: {w})" : ""));
        return string.Join("\n", lines)
            + $"\n{stack}: {results.Count(r => r.Status == ControlStatus.Pass)} of {applicable} applicable controls pass, "
            + $"{results.Count(r => r.Status == ControlStatus.Waived)} waived, {results.Count(r => r.Status == ControlStatus.Fail)} fail, "
            + $"{results.Count - applicable} not applicable";
    }
}
