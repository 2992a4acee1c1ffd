namespace WidgetStack.Blueprint.Controls;

/// <summary>A control's finding on a stack's resources, before waivers.</summary>
/// <param name="Applies">Whether the stack registers anything the control reads.</param>
/// <param name="Offenders">The resources that break it (empty when it passes).</param>
public sealed record Verdict(bool Applies, IReadOnlyList<string> Offenders)
{
    /// <summary>The stack has nothing the control reads.</summary>
    public static readonly Verdict NotApplicable = new(false, []);

    /// <summary>Checks <paramref name="resources"/>, naming each one that fails <paramref name="meets"/>.</summary>
    public static Verdict Over(IEnumerable<RegisteredResource> resources, Func<RegisteredResource, bool> meets)
    {
        var read = resources.ToList();
        return read.Count == 0 ? NotApplicable : new Verdict(true, [.. read.Where(r => !meets(r)).Select(r => r.Name)]);
    }
}
